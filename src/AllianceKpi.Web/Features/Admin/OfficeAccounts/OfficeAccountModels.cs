using System.ComponentModel.DataAnnotations;
using AllianceKpi.Infrastructure.Identity;

namespace AllianceKpi.Web.Features.Admin.OfficeAccounts;

public static class OfficeRoleLabels
{
    public static string Label(string role) => role switch
    {
        AppRoles.Admin => "系統管理員",
        AppRoles.Office => "計畫辦公室",
        _ => role,
    };
}

public enum OfficeAccountState
{
    Active = 1,
    Disabled = 2,
    /// <summary>Locked for a while after repeated wrong passwords.</summary>
    TemporarilyLocked = 3,
}

public sealed record OfficeAccountRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, OfficeAccountState State, bool HasPassword, bool IsSelf)
{
    public string RoleText => string.Join("、", Roles.Select(OfficeRoleLabels.Label));

    public string StateText => State switch
    {
        OfficeAccountState.Disabled => "停用",
        OfficeAccountState.TemporarilyLocked => "暫時鎖定",
        _ => "啟用",
    };
}

public sealed record OfficeAccountList(IReadOnlyList<OfficeAccountRow> Rows);

public sealed class NewOfficeAccountForm
{
    public static readonly IReadOnlyList<string> Roles = [AppRoles.Office, AppRoles.Admin];

    [Display(Name = "電子信箱")]
    [Required(ErrorMessage = "請輸入電子信箱。")]
    [EmailAddress(ErrorMessage = "電子信箱格式不正確。")]
    [StringLength(256, ErrorMessage = "電子信箱最多 256 個字元。")]
    public string Email { get; set; } = "";

    [Display(Name = "姓名")]
    [Required(ErrorMessage = "請輸入姓名。")]
    [StringLength(AppUser.MaxNameLength, ErrorMessage = "姓名最多 100 個字。")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "角色")]
    [Required(ErrorMessage = "請選擇角色。")]
    public string Role { get; set; } = AppRoles.Office;
}
