using System.Net;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Features.Account;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Security;

/// <summary>Sign-in, lockout, registration and 忘記密碼 answer a registered e-mail and an unregistered one alike.</summary>
public sealed class AccountEnumerationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Answer(HttpStatusCode Status, string? Location, string FormErrors, string EmailError, string PasswordError);

    private static async Task<Answer> AnswerOf(HttpResponseMessage response)
    {
        var page = await PageOf(response);
        return new Answer(response.StatusCode, response.Headers.Location?.OriginalString, FormErrors(page), FieldError(page, "Email"), FieldError(page, "Password"));
    }

    private async Task<Answer> SignInAsync(string email, string password)
    {
        using var client = factory.NewClient();
        return await AnswerOf(await client.PostFormAsync("/account/login", new { Email = email, Password = password }));
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownEmailGetTheSameAnswer()
    {
        var known = await SignInAsync(DemoSeeder.OfficeEmail, "Wrong2021pw");
        var unknown = await SignInAsync(NewEmail("nobody"), "Wrong2021pw");

        Assert.Equal(new Answer(HttpStatusCode.OK, null, SignInHandler.WrongCredentials, "", ""), known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task AnUnknownEmailIsLockedOutAfterAsManyFailuresAsARealAccount()
    {
        var real = NewEmail("real");
        await CreateAsync(factory, real);
        var unknown = NewEmail("ghost");
        var realAnswers = new List<Answer>();
        var unknownAnswers = new List<Answer>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            realAnswers.Add(await SignInAsync(real, "Wrong2021pw"));
            unknownAnswers.Add(await SignInAsync(unknown, "Wrong2021pw"));
        }

        Assert.Equal(realAnswers, unknownAnswers);
        Assert.Equal(SignInHandler.LockedOut, realAnswers[^1].FormErrors);
        Assert.Equal(SignInHandler.WrongCredentials, realAnswers[^2].FormErrors);
    }

    [Fact]
    public async Task TheSixthAttemptWithTheRightPasswordIsRefusedWithAMessageThatNamesNoAccount()
    {
        var email = NewEmail("locked");
        await CreateAsync(factory, email);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInAsync(email, "Wrong2021pw");
        }

        var sixth = await SignInAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, sixth.Status);
        Assert.Equal(SignInHandler.LockedOut, sixth.FormErrors);
        Assert.DoesNotContain("帳號", sixth.FormErrors);
        Assert.DoesNotContain(email, sixth.FormErrors, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ADisabledAccountIsNamedOnlyToSomeoneWithItsPassword()
    {
        var email = NewEmail("disabled");
        var user = await CreateAsync(factory, email);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, AppUser.DisabledUntil);
        }

        var wrongPassword = await SignInAsync(email, "Wrong2021pw");
        var rightPassword = await SignInAsync(email, Password);

        Assert.Equal(await SignInAsync(NewEmail("nobody"), "Wrong2021pw"), wrongPassword);
        Assert.Equal(SignInHandler.Disabled, rightPassword.FormErrors);
    }

    private static Dictionary<string, string> Registration(string email, string password) => new()
    {
        ["Email"] = email,
        ["DisplayName"] = "高美",
        ["School"] = "成功大學",
        ["Department"] = "醫工所",
        ["Phone"] = "06-3345678",
        ["Mobile"] = "",
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };

    private async Task<Answer> RegisterAsync(string email, string password)
    {
        using var client = factory.NewClient();
        return await AnswerOf(await client.PostFormAsync("/account/register", Registration(email, password)));
    }

    [Fact]
    public async Task AWeakPasswordReadsTheSameForARegisteredEmailAndANewOne()
    {
        var registered = await RegisterAsync(DemoSeeder.AssistantEmail, "short1");
        var fresh = await RegisterAsync(NewEmail("fresh"), "short1");

        Assert.Equal(HttpStatusCode.OK, registered.Status);
        Assert.Contains("密碼至少需 8 個字元", registered.PasswordError);
        Assert.Equal("", registered.EmailError);
        Assert.Equal(fresh, registered);
    }

    [Fact]
    public async Task ARegisteredEmailIsRefusedWithoutEchoingItOrSayingItIsTaken()
    {
        var answer = await RegisterAsync("Assistant@Demo.tw", "Assist2021pw");

        Assert.Equal(RegistrationHandler.EmailNotAvailable, answer.EmailError);
        Assert.DoesNotContain("已被註冊", answer.EmailError);
        Assert.DoesNotContain("assistant@demo.tw", answer.EmailError, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(Answer Post, string Flash)> ForgotAsync(string email)
    {
        using var client = factory.NewClient();
        var post = await AnswerOf(await client.PostFormAsync("/account/forgot-password", new { Email = email }));
        var page = await client.GetPageAsync(post.Location ?? "/account/forgot-password");
        return (post, page.QuerySelector("[data-testid=flash]")?.TextContent.Trim() ?? "");
    }

    private Task<int> OutboxCountAsync(string email) =>
        factory.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == email && m.Subject == ForgotPasswordHandler.Subject));

    [Fact]
    public async Task ForgotPasswordAnswersAlikeAndSendsALinkOnlyToARealAccount()
    {
        var real = NewEmail("forgot");
        await CreateAsync(factory, real);
        var unknown = NewEmail("forgot-nobody");

        var realAnswer = await ForgotAsync(real);
        var unknownAnswer = await ForgotAsync(unknown);

        Assert.Equal(new Answer(HttpStatusCode.Redirect, "/account/forgot-password", "", "", ""), realAnswer.Post);
        Assert.Equal(ForgotPasswordHandler.Sent, realAnswer.Flash);
        Assert.Equal(realAnswer, unknownAnswer);
        Assert.Equal(1, await OutboxCountAsync(real));
        Assert.Equal(0, await OutboxCountAsync(unknown));
    }

    [Fact]
    public async Task TheForgotPasswordLinkSetsANewPassword()
    {
        var email = NewEmail("reset");
        await CreateAsync(factory, email);
        await ForgotAsync(email);
        var link = await factory.WithDbAsync(db => db.Outbox.Where(m => m.To == email).Select(m => m.Link).SingleAsync());
        var path = new Uri(link!).PathAndQuery;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link!).Query);

        using var client = factory.NewClient();
        var response = await client.PostFormAsync("/account/set-password",
            new { UserId = query["userId"]!, Token = query["token"]!, NewPassword = "Renewed2021pw", ConfirmPassword = "Renewed2021pw" }, tokenPage: path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var again = factory.NewClient();
        await again.SignInAsync(email, "Renewed2021pw");
    }
}
