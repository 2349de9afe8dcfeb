using System.Net;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Features.Settings;

public sealed class ProfileTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Form(string email) => new()
    {
        ["Email"] = email,
        ["BackupEmail"] = "backup@mail.ncku.edu.tw",
        ["DisplayName"] = "高美",
        ["School"] = "成功大學",
        ["Department"] = "醫工所",
        ["Phone"] = "06-3345678#9999",
        ["Mobile"] = "0922-123456",
    };

    [Fact]
    public async Task ProfileShowsTheSignedInUsersDataWithFormatHintsAndTheNewPasswordLink()
    {
        using var client = await factory.SignedInAsync("pi@demo.tw");
        var page = await client.GetPageAsync("/settings/profile");

        Assert.Equal("pi@demo.tw", InputValue(page, "Email"));
        Assert.Equal("pi@demo.tw", InputValue(page, "BackupEmail"));
        Assert.Equal("成功大學", InputValue(page, "School"));
        Assert.Equal("06-2757575#63400", InputValue(page, "Phone"));
        Assert.Equal("0912-345678", InputValue(page, "Mobile"));
        Assert.Contains("電話輸入格式為06-3345678#9999", page.Body!.TextContent);
        Assert.Contains("手機輸入格式為09xx-123456", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/account/change-password']"));
    }

    [Fact]
    public async Task ChangingTheEmailChangesTheSignInName()
    {
        var oldEmail = NewEmail("before");
        var newEmail = NewEmail("after");
        await CreateAsync(factory, oldEmail);
        using var client = await factory.SignedInAsync(oldEmail, Password);

        var response = await client.PostFormAsync("/settings/profile", Form(newEmail));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/settings/profile");
        Assert.Equal(newEmail, page.QuerySelector("[data-testid=signed-in-as]")?.TextContent);
        Assert.Equal("個人資料已更新。", page.QuerySelector("[data-testid=flash]")?.TextContent);
        var user = (await FindAsync(factory, newEmail))!;
        Assert.Equal((newEmail, "backup@mail.ncku.edu.tw", "0922-123456"), (user.UserName, user.BackupEmail, user.Mobile));

        using var withNew = await factory.SignedInAsync(newEmail, Password);
        using var withOld = factory.NewClient();
        var refused = await withOld.PostFormAsync("/account/login", new { Email = oldEmail, Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task EmailOfAnotherAccountIsRefusedAndEverythingTypedIsKept()
    {
        var email = NewEmail("dup");
        await CreateAsync(factory, email);
        using var client = await factory.SignedInAsync(email, Password);
        var form = Form("PI@demo.tw");
        form["School"] = "清華大學";

        var response = await client.PostFormAsync("/settings/profile", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageOf(response);
        Assert.Equal("此電子信箱已被其他帳號使用，請改用其他信箱。", FieldError(page, "Email"));
        Assert.Equal("PI@demo.tw", InputValue(page, "Email"));
        Assert.Equal("清華大學", InputValue(page, "School"));
        Assert.Equal("0922-123456", InputValue(page, "Mobile"));
        var user = (await FindAsync(factory, email))!;
        Assert.Equal(("成功大學", email), (user.School, user.UserName));
    }

    [Fact]
    public async Task MissingFieldsAndWrongFormatsAreRefusedNextToTheirFields()
    {
        var email = NewEmail("formats");
        await CreateAsync(factory, email);
        using var client = await factory.SignedInAsync(email, Password);
        var form = Form(email);
        form["BackupEmail"] = "";
        form["Department"] = "";
        form["Phone"] = "06 3345678";
        form["Mobile"] = "0922123456";

        var page = await PageOf(await client.PostFormAsync("/settings/profile", form));

        Assert.Equal("請輸入備用信箱。", FieldError(page, "BackupEmail"));
        Assert.Equal("請輸入系所。", FieldError(page, "Department"));
        Assert.Contains("06-3345678#9999", FieldError(page, "Phone"));
        Assert.Contains("09xx-123456", FieldError(page, "Mobile"));
        Assert.Equal("06 3345678", InputValue(page, "Phone"));
        Assert.Equal("06-2757575#1234", (await FindAsync(factory, email))!.PhoneNumber);
    }

    [Fact]
    public async Task KeepingTheSameEmailInAnotherCaseIsNotADuplicate()
    {
        var email = NewEmail("case");
        await CreateAsync(factory, email);
        using var client = await factory.SignedInAsync(email, Password);

        var response = await client.PostFormAsync("/settings/profile", Form(email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("高美", (await FindAsync(factory, email))!.DisplayName);
    }
}
