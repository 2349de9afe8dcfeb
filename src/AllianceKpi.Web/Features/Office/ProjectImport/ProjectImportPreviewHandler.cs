using AllianceKpi.Infrastructure.Imports;
using AllianceKpi.Web.Infrastructure.Startup;

namespace AllianceKpi.Web.Features.Office.ProjectImport;

/// <summary>Checks an uploaded file, keeps it for the confirm step and shows every row with its errors. Saves nothing else.</summary>
public sealed class ProjectImportPreviewHandler(ImportValidationHandler validation, PortalSettings settings, TimeProvider clock)
{
    public async Task<UploadOutcome> UploadAsync(IFormFile file, string userId, CancellationToken cancellationToken)
    {
        var kind = SpreadsheetReader.KindOf(file.FileName);
        if (kind is null)
        {
            return Refused("僅接受 Excel 活頁簿 (.xlsx) 或 CSV (.csv) 檔案。");
        }
        if (file.Length == 0)
        {
            return Refused("檔案是空的，請確認後重新上傳。");
        }
        if (file.Length > ImportUploadForm.MaxBytes)
        {
            return Refused("檔案大小不可超過 2 MB，請分批匯入。");
        }
        var content = await ReadAllAsync(file, cancellationToken);
        var reading = await validation.ReadAsync(content, kind.Value, cancellationToken);
        if (reading.FileErrors.Count > 0)
        {
            return new UploadOutcome(null, reading.FileErrors);
        }
        var uploads = new ImportUploads(settings.StorageRoot, clock);
        var id = await uploads.SaveAsync(content, file.FileName, kind.Value, userId, cancellationToken);
        return new UploadOutcome(ImportPreviewModel.From(id, Path.GetFileName(file.FileName), reading), []);
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static UploadOutcome Refused(string error) => new(null, [error]);
}
