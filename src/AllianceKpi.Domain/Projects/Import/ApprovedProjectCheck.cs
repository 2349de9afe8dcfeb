using System.Net.Mail;
using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Projects.Import;

/// <summary>An account that already exists with a row's e-mail. Office and admin accounts cannot become a PI.</summary>
public sealed record ExistingAccount(string Email, bool IsProgrammeStaff);

/// <summary>What the rows are checked against: the programme years that exist, the project numbers and the accounts already in the portal.</summary>
public sealed class ImportContext(IEnumerable<int> years, IEnumerable<string> projectNumbers, IEnumerable<ExistingAccount> accounts)
{
    public IReadOnlySet<int> Years { get; } = years.ToHashSet();
    public IReadOnlySet<string> ProjectNumbers { get; } = projectNumbers.ToHashSet(StringComparer.OrdinalIgnoreCase);
    public IReadOnlyDictionary<string, ExistingAccount> Accounts { get; } =
        accounts.GroupBy(a => a.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
}

/// <summary>A row and what is wrong with it (nothing when it may be imported). Each violation names its column.</summary>
public sealed record RowVerdict(ApprovedProjectRow Row, IReadOnlyList<DomainViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;
}

/// <summary>The checks every row of the approved-projects sheet must pass before anything is imported.</summary>
public static class ApprovedProjectCheck
{
    public const int MaxNumberLength = 50;
    public const int MaxNameLength = 200;
    public const int MaxPersonLength = 100;
    public const int MaxEmailLength = 256;

    public static IReadOnlyList<RowVerdict> Check(IReadOnlyList<ApprovedProjectRow> rows, ImportContext context)
    {
        var firstRowOfNumber = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var firstRowOfEmail = new Dictionary<string, ApprovedProjectRow>(StringComparer.OrdinalIgnoreCase);
        var verdicts = new List<RowVerdict>(rows.Count);
        foreach (var row in rows)
        {
            var violations = new List<DomainViolation>();
            CheckRequiredAndLengths(row, violations);
            CheckYear(row, context, violations);
            CheckNumber(row, context, firstRowOfNumber, violations);
            CheckEmail(row, context, firstRowOfEmail, violations);
            verdicts.Add(new RowVerdict(row, violations));
        }
        return verdicts;
    }

    public static bool IsEmailAddress(string text) =>
        text.Length <= MaxEmailLength
        && !text.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && string.IsNullOrEmpty(address.DisplayName)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');

    private static void CheckRequiredAndLengths(ApprovedProjectRow row, List<DomainViolation> violations)
    {
        foreach (var (column, value, max) in new[]
                 {
                     (ApprovedProjectSheet.NumberColumn, row.Number, MaxNumberLength),
                     (ApprovedProjectSheet.NameColumn, row.Name, MaxNameLength),
                     (ApprovedProjectSheet.YearColumn, row.YearText, 20),
                     (ApprovedProjectSheet.PiColumn, row.PrincipalInvestigatorName, MaxPersonLength),
                     (ApprovedProjectSheet.EmailColumn, row.Email, MaxEmailLength),
                     (ApprovedProjectSheet.SchoolColumn, row.School, MaxPersonLength),
                     (ApprovedProjectSheet.DepartmentColumn, row.Department, MaxPersonLength),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                violations.Add(new(column, $"請填寫{column}。"));
            }
            else if (value.Length > max)
            {
                violations.Add(new(column, $"{column}最多 {max} 個字（目前 {value.Length} 個字）。"));
            }
        }
    }

    private static void CheckYear(ApprovedProjectRow row, ImportContext context, List<DomainViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(row.YearText) || row.YearText.Length > 20)
        {
            return;
        }
        if (row.Year is not { } year)
        {
            violations.Add(new(ApprovedProjectSheet.YearColumn, $"年度「{row.YearText}」無法辨識，請填西元年（如 2021）或民國年（如 110）。"));
        }
        else if (!context.Years.Contains(year))
        {
            violations.Add(new(ApprovedProjectSheet.YearColumn, $"年度 {year} 尚未建立，請先於「年度與綜整表」新增。"));
        }
    }

    private static void CheckNumber(ApprovedProjectRow row, ImportContext context, Dictionary<string, int> firstRowOfNumber, List<DomainViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(row.Number) || row.Number.Length > MaxNumberLength)
        {
            return;
        }
        if (context.ProjectNumbers.Contains(row.Number))
        {
            violations.Add(new(ApprovedProjectSheet.NumberColumn, $"計畫編號 {row.Number} 已存在於平台，不可重複匯入。"));
        }
        if (firstRowOfNumber.TryGetValue(row.Number, out var first))
        {
            violations.Add(new(ApprovedProjectSheet.NumberColumn, $"計畫編號 {row.Number} 與第 {first} 列重複。"));
        }
        else
        {
            firstRowOfNumber[row.Number] = row.RowNumber;
        }
    }

    private static void CheckEmail(ApprovedProjectRow row, ImportContext context, Dictionary<string, ApprovedProjectRow> firstRowOfEmail, List<DomainViolation> violations)
    {
        if (string.IsNullOrWhiteSpace(row.Email) || row.Email.Length > MaxEmailLength)
        {
            return;
        }
        if (!IsEmailAddress(row.Email))
        {
            violations.Add(new(ApprovedProjectSheet.EmailColumn, $"Email「{row.Email}」格式不正確。"));
            return;
        }
        if (context.Accounts.TryGetValue(row.Email, out var account) && account.IsProgrammeStaff)
        {
            violations.Add(new(ApprovedProjectSheet.EmailColumn, $"{row.Email} 是計畫辦公室或管理者帳號，不可作為計畫主持人帳號。"));
        }
        if (!firstRowOfEmail.TryGetValue(row.Email, out var first))
        {
            firstRowOfEmail[row.Email] = row;
        }
        else if (!string.IsNullOrWhiteSpace(row.PrincipalInvestigatorName) && first.PrincipalInvestigatorName != row.PrincipalInvestigatorName)
        {
            violations.Add(new(ApprovedProjectSheet.PiColumn,
                $"同一 Email 須為同一位主持人：第 {first.RowNumber} 列的主持人為「{first.PrincipalInvestigatorName}」，本列為「{row.PrincipalInvestigatorName}」。"));
        }
    }
}
