using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Workflow;

public sealed record SubmissionVersion(int Number, FormState State, DateTime SubmittedAt, string SubmittedBy, string Sha256, bool Intact,
    DateTime? ReviewedAt, string? ReviewReason);

/// <summary>The versions of one form, one of them opened read-only, and what changed between two of them.</summary>
public sealed record SubmissionHistoryPage(
    FormRef Form,
    string ProjectNumber,
    string ProjectName,
    string PeriodName,
    IReadOnlyList<SubmissionVersion> Versions,
    SubmissionVersion? Shown,
    Snapshot? Snapshot,
    int? ComparedWith,
    IReadOnlyList<SnapshotChange> Changes,
    IReadOnlyList<WorkflowEvent> Events)
{
    public string Url(int? version = null, int? compare = null) =>
        $"/projects/{Form.ProjectId}/submissions/{(Form.Kind == FormKind.Evaluation ? "evaluation" : "expected-results")}/{Form.ReportingPeriodId}"
        + (version is null ? "" : $"?version={version}") + (compare is null ? "" : $"{(version is null ? "?" : "&")}compare={compare}");
}

/// <summary>
/// 送出版本: every 確定送出 of a form is kept as its snapshot; a version opens read-only exactly as it was submitted, and two
/// versions compare field by field (the later one's fields first). The workflow's history (送出, 退回, 確認, 展延) goes beside it.
/// </summary>
public sealed class SubmissionHistoryHandler(AppDbContext db)
{
    /// <summary>Null when the project or period does not exist (404). <paramref name="version"/> null: the latest.</summary>
    public async Task<SubmissionHistoryPage?> PageAsync(FormRef form, int? version, int? compare, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == form.ProjectId)
            .Select(p => new { p.Number, p.Name }).FirstOrDefaultAsync(cancellationToken);
        var period = await db.ReportingPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == form.ReportingPeriodId, cancellationToken);
        if (project is null || period is null || (period.Kind == ReportingPeriodKind.ExpectedResults) != (form.Kind == FormKind.ExpectedResults))
        {
            return null;
        }
        var rows = await db.FormSubmissions.AsNoTracking()
            .Where(s => s.ProjectId == form.ProjectId && s.Kind == form.Kind && s.ReportingPeriodId == form.ReportingPeriodId)
            .OrderByDescending(s => s.Number).ToListAsync(cancellationToken);
        var names = await NamesAsync(rows.Select(r => r.SubmittedByUserId), cancellationToken);
        var versions = rows.Select(r => new SubmissionVersion(r.Number, r.State, r.SubmittedAt, names.GetValueOrDefault(r.SubmittedByUserId, "—"),
            r.Sha256, r.IsIntact, r.ReviewedAt, r.ReviewReason)).ToList();
        var shown = rows.FirstOrDefault(r => r.Number == (version ?? rows.FirstOrDefault()?.Number));
        var before = compare is { } n ? rows.FirstOrDefault(r => r.Number == n) : null;
        var changes = shown is not null && before is not null && before.Number != shown.Number
            ? SnapshotDiff.Compare(before.CanonicalJson, shown.CanonicalJson)
            : [];
        var events = await db.WorkflowEvents.AsNoTracking()
            .Where(e => e.ProjectId == form.ProjectId && e.Kind == form.Kind && e.ReportingPeriodId == form.ReportingPeriodId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        return new SubmissionHistoryPage(form, project.Number, project.Name, period.Name, versions,
            versions.FirstOrDefault(v => v.Number == shown?.Number), shown?.Read(), before?.Number, changes, events);
    }

    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName}（{u.Email}）", cancellationToken);
    }
}
