using System.Security.Cryptography;
using AllianceKpi.Domain.Reports;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure.Pdf;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Reports;

/// <summary>
/// The HTML and PDF of a summary. A submission's frozen summary is printed once per status label and its bytes are kept in
/// the database (every web node sees them): a second download returns the same bytes without Chromium.
/// </summary>
public sealed class SummaryPdfHandler(AppDbContext db, RazorViewToString views, PdfRenderer pdf, TimeProvider clock)
{
    public const string ViewPath = "/Features/Reports/Summary.cshtml";

    public Task<string> HtmlAsync(ActionContext action, SummaryReport report) => views.RenderAsync(action, ViewPath, report);

    /// <exception cref="PdfUnavailableException">Chromium is missing or will not start (and nothing is cached).</exception>
    public async Task<byte[]> PdfAsync(ActionContext action, SummaryDocument document, CancellationToken cancellationToken)
    {
        if (document.SubmissionId is not { } submissionId)
        {
            return await pdf.RenderAsync(await HtmlAsync(action, document.Report), cancellationToken);
        }
        var (view, status) = ((int)document.Report.View, document.Report.Header.Status);
        if (await CachedAsync(submissionId, view, status, cancellationToken) is { } cached)
        {
            return cached;
        }
        var bytes = await pdf.RenderAsync(await HtmlAsync(action, document.Report), cancellationToken);
        var row = new SummaryPdf
        {
            FormSubmissionId = submissionId, View = view, Status = status, Content = bytes,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SummaryPdfs.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return bytes;
        }
        catch (DbUpdateException)
        {
            // Another request (or node) printed it at the same moment: everyone gets the bytes that were stored.
            db.Entry(row).State = EntityState.Detached;
            return await CachedAsync(submissionId, view, status, cancellationToken) ?? bytes;
        }
    }

    private Task<byte[]?> CachedAsync(int submissionId, int view, string status, CancellationToken cancellationToken) =>
        db.SummaryPdfs.AsNoTracking()
            .Where(p => p.FormSubmissionId == submissionId && p.View == view && p.Status == status)
            .Select(p => (byte[]?)p.Content).FirstOrDefaultAsync(cancellationToken);
}
