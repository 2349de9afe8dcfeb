using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Projects.Import;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Imports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.ProjectImport;

/// <summary>A file read and checked: either file-level errors, or every row with its verdict.</summary>
public sealed record ImportReading(IReadOnlyList<string> FileErrors, IReadOnlyList<RowVerdict> Verdicts, IReadOnlySet<string> ExistingEmails)
{
    public bool CanImport => FileErrors.Count == 0 && Verdicts.Count > 0 && Verdicts.All(v => v.IsValid);

    public static ImportReading Failed(IReadOnlyList<string> errors) => new(errors, [], new HashSet<string>());
}

/// <summary>Reads an approved-projects file and checks its rows against the database; used at preview and again at confirm.</summary>
public sealed class ImportValidationHandler(AppDbContext db, UserManager<AppUser> users)
{
    public static string Describe(SpreadsheetProblem problem) => problem switch
    {
        SpreadsheetProblem.NotAWorkbook => "檔案內容不是有效的 Excel 活頁簿 (.xlsx)，請以 Excel 另存為 .xlsx 或 CSV (UTF-8) 後再上傳。",
        SpreadsheetProblem.NotText => "檔案內容不是文字格式的 CSV，請以 Excel 另存為「CSV UTF-8（逗號分隔）」後再上傳。",
        SpreadsheetProblem.NotUtf8 => "請以 UTF-8 編碼儲存 CSV（Excel：另存新檔 →「CSV UTF-8（逗號分隔）」），目前的檔案不是 UTF-8 編碼（可能是 Big5）。",
        _ => "檔案無法讀取。",
    };

    public async Task<ImportReading> ReadAsync(byte[] content, SpreadsheetKind kind, CancellationToken cancellationToken)
    {
        var sheet = SpreadsheetReader.Read(content, kind);
        if (sheet.Problem != SpreadsheetProblem.None)
        {
            return ImportReading.Failed([Describe(sheet.Problem)]);
        }
        var approved = ApprovedProjectSheet.From(sheet.Rows);
        if (approved.Errors.Count > 0)
        {
            return ImportReading.Failed(approved.Errors);
        }
        var context = await ContextAsync(approved.Rows, cancellationToken);
        var verdicts = ApprovedProjectCheck.Check(approved.Rows, context)
            .Select(v => WithAccountNameCheck(v, context))
            .ToList();
        return new ImportReading([], verdicts, context.Accounts.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    private async Task<ImportContext> ContextAsync(IReadOnlyList<ApprovedProjectRow> rows, CancellationToken cancellationToken)
    {
        var years = await db.ProgrammeYears.Select(y => y.Year).ToListAsync(cancellationToken);
        var upperNumbers = rows.Select(r => r.Number.ToUpperInvariant()).Where(n => n.Length > 0).Distinct().ToList();
        var numbers = await db.Projects.Where(p => upperNumbers.Contains(p.Number.ToUpper()))
            .Select(p => p.Number).ToListAsync(cancellationToken);
        var emails = rows.Select(r => users.NormalizeEmail(r.Email)).Where(e => !string.IsNullOrEmpty(e)).Distinct().ToList();
        var accounts = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => new
            {
                u.Email,
                IsStaff = db.UserRoles.Any(ur => ur.UserId == u.Id
                                                 && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == AppRoles.Office || r.Name == AppRoles.Admin))),
            })
            .ToListAsync(cancellationToken);
        return new ImportContext(years, numbers, accounts.Select(a => new ExistingAccount(a.Email ?? "", a.IsStaff)));
    }

    /// <summary>A new account's user name is its e-mail, so the e-mail must use only the characters account names allow.</summary>
    private RowVerdict WithAccountNameCheck(RowVerdict verdict, ImportContext context)
    {
        var email = verdict.Row.Email;
        var allowed = users.Options.User.AllowedUserNameCharacters;
        if (verdict.Violations.Any(v => v.Field == ApprovedProjectSheet.EmailColumn) || context.Accounts.ContainsKey(email)
            || string.IsNullOrEmpty(allowed) || email.All(c => allowed.Contains(c)))
        {
            return verdict;
        }
        var violation = new DomainViolation(ApprovedProjectSheet.EmailColumn, $"Email「{email}」含有帳號不接受的字元（僅接受英文字母、數字與 - . _ @ +）。");
        return verdict with { Violations = [.. verdict.Violations, violation] };
    }
}
