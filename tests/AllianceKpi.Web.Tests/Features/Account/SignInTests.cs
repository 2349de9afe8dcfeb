using System.Net;
using AllianceKpi.Web.Features.Account;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Features.Account;

public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<string> RefusalAsync(PortalClient client, string email, string password)
    {
        var response = await client.PostFormAsync("/account/login", new { Email = email, Password = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return FormErrors(await PageOf(response));
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoEvenTheRightPasswordIsRefused()
    {
        var email = NewEmail("lock");
        await CreateAsync(factory, email);
        using var client = factory.NewClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(SignInHandler.WrongCredentials, await RefusalAsync(client, email, "Wrong2021pw"));
        }
        Assert.Equal(SignInHandler.LockedOut, await RefusalAsync(client, email, "Wrong2021pw"));

        Assert.Equal(SignInHandler.LockedOut, await RefusalAsync(client, email, Password));
        Assert.NotNull((await FindAsync(factory, email))!.LockoutEnd);
    }

    [Fact]
    public async Task FourWrongPasswordsDoNotLockTheAccount()
    {
        var email = NewEmail("nolock");
        await CreateAsync(factory, email);
        using var client = factory.NewClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await RefusalAsync(client, email, "Wrong2021pw");
        }
        await client.SignInAsync(email, Password);
    }

    [Fact]
    public async Task UnknownEmailAndWrongPasswordGetTheSameMessage()
    {
        using var client = factory.NewClient();
        var unknown = await RefusalAsync(client, NewEmail("nobody"), "Whatever2021");
        var wrong = await RefusalAsync(client, "pi@demo.tw", "Whatever2021");
        Assert.Equal(SignInHandler.WrongCredentials, unknown);
        Assert.Equal(unknown, wrong);
    }

    [Fact]
    public async Task IssuedAccountWithoutAPasswordCannotSignIn()
    {
        var email = NewEmail("nopassword");
        await CreateAsync(factory, email, password: null, issued: true);
        using var client = factory.NewClient();
        Assert.Equal(SignInHandler.WrongCredentials, await RefusalAsync(client, email, "Anything2021"));
    }
}
