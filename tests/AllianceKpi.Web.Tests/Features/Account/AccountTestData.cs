using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Account;

/// <summary>Fresh accounts for tests that change or lock them, so the demo accounts stay usable by the other tests of a fixture.</summary>
public static class AccountTestData
{
    public const string Password = "Fresh2021pw";

    public static string NewEmail(string prefix = "user") => $"{prefix}.{Guid.NewGuid():N}@test.tw".ToLowerInvariant();

    /// <summary>An account with a password (like a registered assistant) or, with <paramref name="password"/> null, an issued one without.</summary>
    public static async Task<AppUser> CreateAsync(PortalFactory factory, string email, string? password = Password, string name = "測試帳號", bool issued = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            BackupEmail = email,
            DisplayName = name,
            School = "成功大學",
            Department = "醫工所",
            PhoneNumber = "06-2757575#1234",
            IsIssued = issued,
            LockoutEnabled = true,
            CreatedAt = new DateTime(2021, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public static async Task<AppUser?> FindAsync(PortalFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    /// <summary>The message shown next to a field, or "" when there is none.</summary>
    public static string FieldError(IHtmlDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    public static string? InputValue(IHtmlDocument page, string field) =>
        page.QuerySelector($"[name='{field}']")?.GetAttribute("value");

    public static string FormErrors(IHtmlDocument page) =>
        page.QuerySelector("[data-testid=form-errors]")?.TextContent.Trim() ?? "";

    public static async Task<IHtmlDocument> PageOf(HttpResponseMessage response) =>
        PortalClient.Parse(await response.Content.ReadAsStringAsync());
}
