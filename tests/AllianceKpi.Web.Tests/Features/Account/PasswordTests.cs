using System.Net;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Web.Features.Account;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Features.Account;

public sealed class PasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string InvalidLink = "連結無效或已過期，請向計畫辦公室索取新的連結。";

    /// <summary>What the office's bulk import does: an issued account without a password, and the link of the outbox e-mail.</summary>
    private async Task<(AppUser User, string Link)> IssueAsync(string email)
    {
        var user = await CreateAsync(factory, email, password: null, name: "核發主持人", issued: true);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(user.Id))!);
        return (user, AccountLinks.SetPasswordPath(user.Id, token));
    }

    private static Dictionary<string, string> SetPasswordFields(AngleSharp.Html.Dom.IHtmlDocument page, string password, string confirm) => new()
    {
        ["UserId"] = InputValue(page, "UserId") ?? "",
        ["Token"] = InputValue(page, "Token") ?? "",
        ["NewPassword"] = password,
        ["ConfirmPassword"] = confirm,
    };

    [Fact]
    public void SetPasswordLinkHasTheFormatAgreedWithTheOfficeImport()
    {
        Assert.Equal("/account/set-password?userId=abc-123&token=a%2Bb%2Fc%3D%3D", AccountLinks.SetPasswordPath("abc-123", "a+b/c=="));
    }

    [Fact]
    public async Task IssuedAccountSetsItsPasswordThroughTheLinkAndSignsInWithIt()
    {
        var email = NewEmail("issued");
        var (user, link) = await IssueAsync(email);
        using var client = factory.NewClient();
        var page = await client.GetPageAsync(link);
        Assert.Null(page.QuerySelector("[data-testid=link-invalid]"));

        var response = await client.PostFormAsync("/account/set-password", SetPasswordFields(page, "Issued2021pw", "Issued2021pw"), link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/settings", response.Headers.Location?.OriginalString);
        var signedIn = await client.GetPageAsync("/settings/profile");
        Assert.Equal(email, signedIn.QuerySelector("[data-testid=signed-in-as]")?.TextContent);
        Assert.Contains("密碼設定完成", signedIn.QuerySelector("[data-testid=flash]")?.TextContent);
        Assert.True((await FindAsync(factory, email))!.EmailConfirmed);

        using var fresh = await factory.SignedInAsync(email, "Issued2021pw");
        Assert.Equal(email, (await fresh.GetPageAsync("/")).QuerySelector("[data-testid=signed-in-as]")?.TextContent);
        Assert.NotNull(user);
    }

    [Fact]
    public async Task UsedLinkStopsWorking()
    {
        var (_, link) = await IssueAsync(NewEmail("reuse"));
        using var client = factory.NewClient();
        var page = await client.GetPageAsync(link);
        await client.PostFormAsync("/account/set-password", SetPasswordFields(page, "Issued2021pw", "Issued2021pw"), link);

        using var other = factory.NewClient();
        var again = await other.GetPageAsync(link);
        Assert.Equal(InvalidLink, again.QuerySelector("[data-testid=link-invalid]")?.TextContent);
    }

    [Fact]
    public async Task TamperedTokenIsRefusedWithAClearMessageAndNoPasswordIsSet()
    {
        var email = NewEmail("tampered");
        var (user, link) = await IssueAsync(email);
        var tamperedLink = link.Replace("token=", "token=X", StringComparison.Ordinal);
        using var client = factory.NewClient();

        var page = await client.GetPageAsync(tamperedLink);
        Assert.Equal(InvalidLink, page.QuerySelector("[data-testid=link-invalid]")?.TextContent);
        Assert.Null(page.QuerySelector("input[name=NewPassword]"));

        var response = await client.PostFormAsync("/account/set-password",
            new { UserId = user.Id, Token = "not-a-token", NewPassword = "Issued2021pw", ConfirmPassword = "Issued2021pw" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(InvalidLink, (await PageOf(response)).QuerySelector("[data-testid=link-invalid]")?.TextContent);
        Assert.Null((await FindAsync(factory, email))!.PasswordHash);
    }

    [Fact]
    public async Task LinkOfAnUnknownAccountShowsTheSameMessage()
    {
        using var client = factory.NewClient();
        var page = await client.GetPageAsync(AccountLinks.SetPasswordPath(Guid.NewGuid().ToString(), "whatever"));
        Assert.Equal(InvalidLink, page.QuerySelector("[data-testid=link-invalid]")?.TextContent);
        var bare = await client.GetPageAsync("/account/set-password");
        Assert.Equal(InvalidLink, bare.QuerySelector("[data-testid=link-invalid]")?.TextContent);
    }

    [Fact]
    public async Task SetPasswordNeedsAMatchingConfirmationAndKeepsTheLink()
    {
        var email = NewEmail("confirm");
        var (_, link) = await IssueAsync(email);
        using var client = factory.NewClient();
        var page = await client.GetPageAsync(link);

        var response = await client.PostFormAsync("/account/set-password", SetPasswordFields(page, "Issued2021pw", "Other2021pw"), link);

        var again = await PageOf(response);
        Assert.Equal("兩次輸入的密碼不一致。", FieldError(again, "ConfirmPassword"));
        Assert.Equal(InputValue(page, "Token"), InputValue(again, "Token"));
        Assert.Null((await FindAsync(factory, email))!.PasswordHash);
    }

    [Fact]
    public async Task SignedInUserChangesThePasswordAndTheOldOneStopsWorking()
    {
        var email = NewEmail("change");
        await CreateAsync(factory, email);
        using var client = await factory.SignedInAsync(email, Password);

        var response = await client.PostFormAsync("/account/change-password",
            new { CurrentPassword = Password, NewPassword = "Changed2021pw", ConfirmPassword = "Changed2021pw" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/settings/profile", response.Headers.Location?.OriginalString);
        using var withNew = await factory.SignedInAsync(email, "Changed2021pw");
        using var withOld = factory.NewClient();
        var refused = await withOld.PostFormAsync("/account/login", new { Email = email, Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task WrongCurrentPasswordIsRefusedNextToIt()
    {
        var email = NewEmail("wrongcurrent");
        await CreateAsync(factory, email);
        using var client = await factory.SignedInAsync(email, Password);

        var response = await client.PostFormAsync("/account/change-password",
            new { CurrentPassword = "Wrong2021pw", NewPassword = "Changed2021pw", ConfirmPassword = "Changed2021pw" });

        var page = await PageOf(response);
        Assert.Equal("密碼不正確。", FieldError(page, "CurrentPassword"));
        using var stillOld = await factory.SignedInAsync(email, Password);
    }

    [Fact]
    public async Task ChangePasswordNeedsASignedInUser()
    {
        using var client = factory.NewClient();
        var response = await client.GetAsync("/account/change-password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }
}
