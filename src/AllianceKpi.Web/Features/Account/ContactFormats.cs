namespace AllianceKpi.Web.Features.Account;

/// <summary>Formats of the contact fields shared by 註冊 and 個人資料設定.</summary>
public static class ContactFormats
{
    /// <summary>Area code, number, optional extensions: 06-3345678, 06-3345678#9999, 06-3345678#9999#123.</summary>
    public const string Phone = @"^0\d{1,3}-\d{5,8}(#\d{1,6})*$";
    public const string PhoneMessage = "電話格式不正確，請依 06-3345678#9999 的格式輸入（區碼-號碼#分機）。";

    /// <summary>09xx-123456.</summary>
    public const string Mobile = @"^09\d{2}-\d{6}$";
    public const string MobileMessage = "手機格式不正確，請依 09xx-123456 的格式輸入。";

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
