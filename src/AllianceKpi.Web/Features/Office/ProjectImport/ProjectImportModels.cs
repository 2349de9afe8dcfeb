using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Projects.Import;

namespace AllianceKpi.Web.Features.Office.ProjectImport;

public sealed class ImportUploadForm
{
    public const long MaxBytes = 2 * 1024 * 1024;

    [Display(Name = "通過計畫清單檔案")]
    [Required(ErrorMessage = "請選擇要匯入的檔案（.xlsx 或 .csv）。")]
    public IFormFile? File { get; set; }
}

public sealed class ImportConfirmForm
{
    public string? UploadId { get; set; }
}

public sealed record PreviewRow(
    int RowNumber,
    string Number,
    string Name,
    string YearText,
    int? Year,
    string PrincipalInvestigatorName,
    string Email,
    string School,
    string Department,
    bool AccountExists,
    IReadOnlyList<DomainViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;
}

/// <summary>Every row of the uploaded file with its errors; nothing is saved until the office confirms.</summary>
public sealed record ImportPreviewModel(Guid UploadId, string FileName, IReadOnlyList<PreviewRow> Rows, string? GeneralError = null)
{
    public int ErrorRowCount => Rows.Count(r => !r.IsValid);
    public bool CanImport => GeneralError is null && Rows.Count > 0 && ErrorRowCount == 0;
    public int NewAccountCount => Rows.Where(r => !r.AccountExists).Select(r => r.Email.ToUpperInvariant()).Distinct().Count();

    public static ImportPreviewModel From(Guid uploadId, string fileName, ImportReading reading, string? generalError = null) =>
        new(uploadId, fileName, reading.Verdicts.Select(v => ToRow(v, reading.ExistingEmails)).ToList(), generalError);

    private static PreviewRow ToRow(RowVerdict verdict, IReadOnlySet<string> existingEmails)
    {
        var row = verdict.Row;
        return new PreviewRow(row.RowNumber, row.Number, row.Name, row.YearText, row.Year, row.PrincipalInvestigatorName, row.Email,
            row.School, row.Department, existingEmails.Contains(row.Email), verdict.Violations);
    }
}

/// <summary>The result of an upload: the preview, or the file-level errors to show on the upload form.</summary>
public sealed record UploadOutcome(ImportPreviewModel? Preview, IReadOnlyList<string> Errors);

public enum ConfirmState
{
    UploadNotFound = 1,
    Invalid = 2,
    Imported = 3,
}

public sealed record ConfirmOutcome(ConfirmState State, ImportPreviewModel? Preview = null, string? Message = null);
