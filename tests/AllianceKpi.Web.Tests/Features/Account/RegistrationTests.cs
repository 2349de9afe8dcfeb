using System.Net;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Features.Account;

public sealed class RegistrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> ValidForm(string email) => new()
    {
        ["Email"] = email,
        ["DisplayName"] = "高美",
        ["School"] = "成功大學",
        ["Department"] = "醫工所",
        ["Phone"] = "06-3345678#9999#123",
        ["Mobile"] = "0912-345678",
        ["Password"] = "Assist2021pw",
        ["ConfirmPassword"] = "Assist2021pw",
    };

    private async Task<(HttpResponseMessage Response, PortalClient Client)> RegisterAsync(Dictionary<string, string> form)
    {
        var client = factory.NewClient();
        return (await client.PostFormAsync("/account/register", form), client);
    }

    [Fact]
    public async Task AssistantRegistersIsSignedInWithoutAnyRoleAndIsToldToAskTheirPi()
    {
        var email = NewEmail("assist");
        var (response, client) = await RegisterAsync(ValidForm(email));
        using var _ = client;

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/settings/permissions", response.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync("/settings/permissions");
        Assert.Equal(email, page.QuerySelector("[data-testid=signed-in-as]")?.TextContent);
        Assert.Contains("設定助理", page.QuerySelector("[data-testid=flash]")?.TextContent);
        Assert.Contains("尚未加入任何計畫", page.QuerySelector("[data-testid=permissions-empty]")?.TextContent);

        var user = await FindAsync(factory, email);
        Assert.NotNull(user);
        Assert.Equal(("高美", "成功大學", "醫工所", "06-3345678#9999#123", "0912-345678"), (user.DisplayName, user.School, user.Department, user.PhoneNumber, user.Mobile));
        Assert.False(user.IsIssued);
        var memberships = await factory.WithDbAsync(db => Task.FromResult(db.ProjectMembers.Count(m => m.UserId == user.Id)));
        var roles = await factory.WithDbAsync(db => Task.FromResult(db.UserRoles.Count(r => r.UserId == user.Id)));
        Assert.Equal((0, 0), (memberships, roles));
    }

    [Fact]
    public async Task RegistrationPageShowsEveryFieldOfTheSeed()
    {
        using var client = factory.NewClient();
        var page = await client.GetPageAsync("/account/register");
        foreach (var field in new[] { "Email", "DisplayName", "School", "Department", "Phone", "Mobile", "Password", "ConfirmPassword" })
        {
            Assert.NotNull(page.QuerySelector($"input[name='{field}']"));
        }
        Assert.Contains("電話輸入格式為06-3345678#9999", page.Body!.TextContent);
        Assert.Contains("手機輸入格式為09xx-123456", page.Body!.TextContent);
    }

    [Fact]
    public async Task EveryMissingRequiredFieldIsReportedNextToItAndNothingIsSaved()
    {
        var form = ValidForm("");
        foreach (var key in form.Keys.ToList())
        {
            form[key] = "";
        }
        var (response, client) = await RegisterAsync(form);
        using var _ = client;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageOf(response);
        Assert.Equal("請輸入電子信箱。", FieldError(page, "Email"));
        Assert.Equal("請輸入姓名。", FieldError(page, "DisplayName"));
        Assert.Equal("請輸入學校。", FieldError(page, "School"));
        Assert.Equal("請輸入系所。", FieldError(page, "Department"));
        Assert.Equal("請輸入電話。", FieldError(page, "Phone"));
        Assert.Equal("請輸入密碼。", FieldError(page, "Password"));
        Assert.Equal("請再輸入一次密碼。", FieldError(page, "ConfirmPassword"));
        Assert.Equal("", FieldError(page, "Mobile"));
    }

    [Theory]
    [InlineData("063345678")]
    [InlineData("06-3345678#")]
    [InlineData("6-3345678")]
    [InlineData("06-334")]
    [InlineData("06-3345678 ext 9")]
    public async Task PhoneInAnotherFormatIsRefusedAndTypedFieldsAreKept(string phone)
    {
        var email = NewEmail("phone");
        var form = ValidForm(email);
        form["Phone"] = phone;
        var (response, client) = await RegisterAsync(form);
        using var _ = client;

        var page = await PageOf(response);
        Assert.Contains("06-3345678#9999", FieldError(page, "Phone"));
        Assert.Equal(phone, InputValue(page, "Phone"));
        Assert.Equal(email, InputValue(page, "Email"));
        Assert.Equal("高美", InputValue(page, "DisplayName"));
        Assert.Equal("醫工所", InputValue(page, "Department"));
        Assert.Equal("0912-345678", InputValue(page, "Mobile"));
        Assert.True(string.IsNullOrEmpty(InputValue(page, "Password")));
        Assert.Null(await FindAsync(factory, email));
    }

    [Theory]
    [InlineData("06-3345678")]
    [InlineData("02-23456789#12")]
    [InlineData("049-2345678#9999#123")]
    public async Task PhoneWithAreaCodeAndExtensionsIsAccepted(string phone)
    {
        var form = ValidForm(NewEmail("okphone"));
        form["Phone"] = phone;
        var (response, client) = await RegisterAsync(form);
        using var _ = client;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("0912345678")]
    [InlineData("0812-345678")]
    [InlineData("0912-34567")]
    public async Task MobileInAnotherFormatIsRefused(string mobile)
    {
        var email = NewEmail("mobile");
        var form = ValidForm(email);
        form["Mobile"] = mobile;
        var (response, client) = await RegisterAsync(form);
        using var _ = client;

        var page = await PageOf(response);
        Assert.Contains("09xx-123456", FieldError(page, "Mobile"));
        Assert.Equal(mobile, InputValue(page, "Mobile"));
        Assert.Null(await FindAsync(factory, email));
    }

    [Fact]
    public async Task MismatchedPasswordsAreRefused()
    {
        var email = NewEmail("mismatch");
        var form = ValidForm(email);
        form["ConfirmPassword"] = "Another2021pw";
        var (response, client) = await RegisterAsync(form);
        using var _ = client;

        var page = await PageOf(response);
        Assert.Equal("兩次輸入的密碼不一致。", FieldError(page, "ConfirmPassword"));
        Assert.Equal(email, InputValue(page, "Email"));
        Assert.Null(await FindAsync(factory, email));
    }

    [Fact]
    public async Task WeakPasswordIsRefusedWithIdentitysRuleNextToThePassword()
    {
        var email = NewEmail("weak");
        var form = ValidForm(email);
        form["Password"] = form["ConfirmPassword"] = "short1";
        var (response, client) = await RegisterAsync(form);
        using var _ = client;

        var page = await PageOf(response);
        Assert.Contains("密碼至少需 8 個字元", FieldError(page, "Password"));
        Assert.Null(await FindAsync(factory, email));
    }

    [Fact]
    public async Task AlreadyRegisteredEmailIsRefusedWithOneMessageAndTheFormKept()
    {
        var form = ValidForm("Assistant@Demo.tw");
        form["DisplayName"] = "冒名者";
        var (response, client) = await RegisterAsync(form);
        using var _ = client;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageOf(response);
        Assert.Equal(AllianceKpi.Web.Features.Account.RegistrationHandler.EmailNotAvailable, FieldError(page, "Email"));
        Assert.Equal("", FormErrors(page));
        Assert.Equal("冒名者", InputValue(page, "DisplayName"));
        Assert.Equal("林小華", (await FindAsync(factory, "assistant@demo.tw"))?.DisplayName);
    }
}
