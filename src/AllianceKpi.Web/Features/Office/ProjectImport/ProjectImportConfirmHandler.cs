using AllianceKpi.Web.Infrastructure.Startup;

namespace AllianceKpi.Web.Features.Office.ProjectImport;

/// <summary>Imports a previewed upload of the same user: checks every row again, then all rows in one transaction or none.</summary>
public sealed class ProjectImportConfirmHandler(
    ImportValidationHandler validation,
    ProjectImportWriteHandler writer,
    PortalSettings settings,
    TimeProvider clock)
{
    public const string UploadNotFound = "找不到這份上傳的檔案（可能已匯入、已逾一天或不是您上傳的），請重新上傳。";

    public async Task<ConfirmOutcome> ConfirmAsync(string? uploadId, string userId, string baseUrl, CancellationToken cancellationToken)
    {
        var uploads = new ImportUploads(settings.StorageRoot, clock);
        var upload = await uploads.LoadAsync(uploadId, userId, cancellationToken);
        if (upload is null)
        {
            return new ConfirmOutcome(ConfirmState.UploadNotFound, Message: UploadNotFound);
        }
        var reading = await validation.ReadAsync(upload.Content, upload.Kind, cancellationToken);
        if (reading.FileErrors.Count > 0)
        {
            return new ConfirmOutcome(ConfirmState.UploadNotFound, Message: string.Join(" ", reading.FileErrors));
        }
        var preview = ImportPreviewModel.From(upload.Id, upload.FileName, reading);
        if (!reading.CanImport)
        {
            return new ConfirmOutcome(ConfirmState.Invalid, preview with { GeneralError = "檔案中仍有錯誤，未匯入任何資料。請修正檔案後重新上傳。" });
        }
        var result = await writer.ImportAsync(reading.Verdicts.Select(v => v.Row).ToList(), userId, baseUrl, cancellationToken);
        if (result.Error is not null)
        {
            return new ConfirmOutcome(ConfirmState.Invalid, preview with { GeneralError = result.Error });
        }
        uploads.Delete(upload.Id);
        return new ConfirmOutcome(ConfirmState.Imported, Message: $"已匯入 {result.Projects} 個計畫，新增 {result.NewAccounts} 個主持人帳號");
    }
}
