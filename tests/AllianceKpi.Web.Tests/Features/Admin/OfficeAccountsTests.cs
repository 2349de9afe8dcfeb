using System.Net;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Admin;

public sealed class OfficeAccountsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "Office2021x";

    private static string UniqueEmail() => $"officer{Guid.NewGuid().ToString("N")[..8]}@etpc.org.tw";

    private async Task<HttpResponseMessage> CreateAsync(PortalClient admin, string email, string name = "新承辦人", string role = "Office") =>
        await admin.PostFormAsync("/admin/office-accounts/new", new { Email = email, DisplayName = name, Role = role });

    private async Task SetPasswordAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.True((await users.AddPasswordAsync(user!, NewPassword)).Succeeded);
    }

    private async Task<HttpStatusCode> SignInStatusAsync(string email, string password)
    {
        using var client = factory.NewClient();
        return (await client.PostFormAsync("/account/login", new { Email = email, Password = password })).StatusCode;
    }

    [Fact]
    public async Task TheListShowsOfficeAndAdminAccountsOnly()
    {
        using var admin = await factory.SignedInAsync(DemoSeeder.AdminEmail);
        var page = await admin.GetPageAsync("/admin/office-accounts");

        var office = page.QuerySelector($"tr[data-account='{DemoSeeder.OfficeEmail}']")!;
        Assert.Contains("計畫辦公室", office.TextContent);
        Assert.Equal("啟用", office.QuerySelector("[data-testid=account-state]")!.TextContent.Trim());
        Assert.Equal("已設定", office.QuerySelector("[data-testid=account-password]")!.TextContent.Trim());
        Assert.Contains("系統管理員", page.QuerySelector($"tr[data-account='{DemoSeeder.AdminEmail}']")!.TextContent);
        Assert.Null(page.QuerySelector($"tr[data-account='{DemoSeeder.PiEmail}']"));
    }

    [Fact]
    public async Task TheAdminCreatesAnIssuedOfficeAccountWithASetPasswordLink()
    {
        var email = UniqueEmail();
        using var admin = await factory.SignedInAsync(DemoSeeder.AdminEmail);

        var response = await CreateAsync(admin, email, "李承辦");

        Assert.Equal("/admin/office-accounts", response.Headers.Location?.OriginalString);
        var page = await admin.GetPageAsync("/admin/office-accounts");
        Assert.Contains($"已建立帳號 {email}", page.QuerySelector("[data-testid=flash]")!.TextContent);
        Assert.Equal("尚未設定密碼", page.QuerySelector($"tr[data-account='{email}'] [data-testid=account-password]")!.TextContent.Trim());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.Equal(("李承辦", true, false), (user.DisplayName, user.IsIssued, await users.HasPasswordAsync(user)));
        Assert.Equal([AppRoles.Office], await users.GetRolesAsync(user));
        var mail = await factory.WithDbAsync(db => db.Outbox.SingleAsync(e => e.To == email));
        Assert.Equal("產學小聯盟管考平台帳號開通通知", mail.Subject);
        Assert.StartsWith($"http://localhost/account/set-password?userId={user.Id}&token=", mail.Link);
        Assert.Contains("計畫辦公室", mail.Body);
    }

    [Fact]
    public async Task ADuplicateEmailIsRefusedNextToTheFieldWithTheFormKept()
    {
        using var admin = await factory.SignedInAsync(DemoSeeder.AdminEmail);
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());

        var response = await CreateAsync(admin, DemoSeeder.PiEmail, "重複的人", "Admin");

        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已有帳號", page.QuerySelector("[data-valmsg-for=Email]")!.TextContent);
        Assert.Equal("重複的人", page.QuerySelector("input[name=DisplayName]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name=Role][value=Admin][checked]"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Theory]
    [InlineData("not-an-email", "新承辦人", "Office", "Email", "電子信箱格式不正確。")]
    [InlineData("ok@etpc.org.tw", "", "Office", "DisplayName", "請輸入姓名。")]
    [InlineData("ok@etpc.org.tw", "新承辦人", "Root", "Role", "請從清單選擇角色。")]
    public async Task BadInputIsShownNextToItsField(string email, string name, string role, string field, string message)
    {
        using var admin = await factory.SignedInAsync(DemoSeeder.AdminEmail);
        var page = PortalClient.Parse(await (await CreateAsync(admin, email, name, role)).Content.ReadAsStringAsync());
        Assert.Equal(message, page.QuerySelector($"[data-valmsg-for={field}]")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "ok@etpc.org.tw")));
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInUntilEnabledAgain()
    {
        var email = UniqueEmail();
        using var admin = await factory.SignedInAsync(DemoSeeder.AdminEmail);
        await CreateAsync(admin, email);
        await SetPasswordAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(email, NewPassword));
        var userId = await Personas.UserIdAsync(factory, email);
        var stampBefore = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync());

        var disabled = await admin.PostFormAsync($"/admin/office-accounts/{userId}/disable", new { }, "/admin/office-accounts");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var page = await admin.GetPageAsync("/admin/office-accounts");
        Assert.Equal("停用", page.QuerySelector($"tr[data-account='{email}'] [data-testid=account-state]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, await SignInStatusAsync(email, NewPassword));
        using (var visitor = factory.NewClient())
        {
            var refused = await visitor.PostFormAsync("/account/login", new { Email = email, Password = NewPassword });
            Assert.Contains(AllianceKpi.Web.Features.Account.SignInHandler.Disabled, await refused.Content.ReadAsStringAsync());
        }
        Assert.NotEqual(stampBefore, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync()));

        await admin.PostFormAsync($"/admin/office-accounts/{userId}/enable", new { }, "/admin/office-accounts");

        Assert.Equal("啟用", (await admin.GetPageAsync("/admin/office-accounts")).QuerySelector($"tr[data-account='{email}'] [data-testid=account-state]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(email, NewPassword));
    }

    [Fact]
    public async Task AnAdminCannotDisableThemselves()
    {
        using var admin = await factory.SignedInAsync(DemoSeeder.AdminEmail);
        var adminId = await Personas.UserIdAsync(factory, DemoSeeder.AdminEmail);

        await admin.PostFormAsync($"/admin/office-accounts/{adminId}/disable", new { }, "/admin/office-accounts");

        var page = await admin.GetPageAsync("/admin/office-accounts");
        Assert.Equal("不可停用自己的帳號。", page.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.Equal("啟用", page.QuerySelector($"tr[data-account='{DemoSeeder.AdminEmail}'] [data-testid=account-state]")!.TextContent.Trim());
        Assert.Null(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task AccountsThatAreNotOfficeOrAdminAreNotFound()
    {
        using var admin = await factory.SignedInAsync(DemoSeeder.AdminEmail);
        var piId = await Personas.UserIdAsync(factory, DemoSeeder.PiEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync($"/admin/office-accounts/{piId}/disable", new { }, "/admin/office-accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync($"/admin/office-accounts/{piId}/enable", new { }, "/admin/office-accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync("/admin/office-accounts/no-such-user/disable", new { }, "/admin/office-accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(DemoSeeder.PiEmail, DemoSeeder.Password));
    }

    [Theory]
    [InlineData(DemoSeeder.OfficeEmail)]
    [InlineData(DemoSeeder.PiEmail)]
    public async Task OnlyAdministratorsManageOfficeAccounts(string email)
    {
        using var client = await factory.SignedInAsync(email);
        var adminId = await Personas.UserIdAsync(factory, DemoSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/office-accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/office-accounts/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync("/admin/office-accounts/new", new { Email = UniqueEmail(), DisplayName = "x", Role = "Admin" }, "/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostFormAsync($"/admin/office-accounts/{adminId}/disable", new { }, "/")).StatusCode);
    }
}
