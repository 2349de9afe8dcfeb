using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Workflow;
using AllianceKpi.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.OfficeReview;

/// <summary>What the office types for a step: the reason (退回修改, 重新開放, 展延) and the 展延期限 as text (2021/11/15).</summary>
public sealed class ReviewActionForm
{
    public string? Reason { get; set; }
    public string? ExtendUntil { get; set; }
}

/// <summary>One project's form of one period as the office reviews it: its state, versions and the actions it offers now.</summary>
public sealed record ReviewFormPage(SubmissionHistoryPage History, WorkflowStatus Status, IReadOnlyList<FormAction> Offers, string FormUrl,
    ReviewActionForm Action);

/// <summary>
/// The office's steps on a project's 預期成果 or 管考資料: 確認, 退回修改 (reason, and a 展延期限 when the deadline has passed),
/// 重新開放, 展延 (a date and why). A form nobody opened yet is created as an empty 草稿 by 展延, so the project can still fill it.
/// </summary>
public sealed class ReviewFormHandler(AppDbContext db, FormWorkflowHandler workflow, SubmissionHistoryHandler history, TimeProvider clock)
{
    public const string ReasonRequiredForExtension = "請說明展延原因。";

    public async Task<ReviewFormPage?> PageAsync(FormRef form, int? version, int? compare, ReviewActionForm? action, CancellationToken cancellationToken)
    {
        var page = await history.PageAsync(form, version, compare, cancellationToken);
        var period = await db.ReportingPeriods.AsNoTracking().Include(p => p.ProgrammeYear)
            .FirstOrDefaultAsync(p => p.Id == form.ReportingPeriodId, cancellationToken);
        if (page is null || period is null)
        {
            return null;
        }
        var entity = await FindAsync(form, period, tracked: false, cancellationToken) ?? Empty(form, period);
        var context = workflow.Context(entity, period, Actor.Office);
        return new ReviewFormPage(page, WorkflowStatus.Of(entity, period, null), FormWorkflow.Offers(context), FormUrl(form),
            action ?? new ReviewActionForm());
    }

    /// <summary>Applies one step; the refusal (field "", Reason or ExtendUntil) or null. Null page: 404.</summary>
    public async Task<(bool Found, DomainViolation? Refusal)> ApplyAsync(FormRef form, FormAction action, ReviewActionForm input,
        string userId, string baseUrl, CancellationToken cancellationToken)
    {
        var period = await db.ReportingPeriods.AsNoTracking().Include(p => p.ProgrammeYear)
            .FirstOrDefaultAsync(p => p.Id == form.ReportingPeriodId, cancellationToken);
        if (period is null || !await db.Projects.AnyAsync(p => p.Id == form.ProjectId, cancellationToken)
            || (period.Kind == ReportingPeriodKind.ExpectedResults) != (form.Kind == FormKind.ExpectedResults))
        {
            return (false, null);
        }
        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(input.ExtendUntil))
        {
            if (DateFormat.TryParse(input.ExtendUntil, out var day))
            {
                until = day;
            }
            else
            {
                return (true, new DomainViolation(WorkflowFields.ExtendUntil, "展延期限請以 2021/11/15 的格式輸入。"));
            }
        }
        if (action == FormAction.GrantExtension && string.IsNullOrWhiteSpace(input.Reason))
        {
            return (true, new DomainViolation(WorkflowFields.Reason, ReasonRequiredForExtension));
        }
        var entity = await FindAsync(form, period, tracked: true, cancellationToken);
        if (entity is null)
        {
            entity = Empty(form, period);
            var now = clock.GetUtcNow().UtcDateTime;
            (entity as EvaluationForm)?.Stamp(now);
            (entity as Domain.Forms.ExpectedResults)?.Stamp(now);
            db.Add(entity);
        }
        var request = new WorkflowRequest(action, input.Reason, until);
        var refusal = await workflow.ApplyAsync(form, entity, workflow.Context(entity, period, Actor.Office), request, userId,
            () => throw new InvalidOperationException("The office does not submit."), baseUrl + FormUrl(form), cancellationToken);
        if (refusal is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return (true, refusal);
    }

    public static string FormUrl(FormRef form) => form.Kind == FormKind.Evaluation
        ? $"/projects/{form.ProjectId}/evaluation/{form.ReportingPeriodId}"
        : $"/projects/{form.ProjectId}/expected-results/{form.ReportingPeriodId}";

    private async Task<IWorkflowForm?> FindAsync(FormRef form, ReportingPeriod period, bool tracked, CancellationToken cancellationToken)
    {
        if (form.Kind == FormKind.Evaluation)
        {
            var evaluations = tracked ? db.EvaluationForms : db.EvaluationForms.AsNoTracking();
            return await evaluations.FirstOrDefaultAsync(f => f.ProjectId == form.ProjectId && f.ReportingPeriodId == period.Id, cancellationToken);
        }
        var year = period.ProgrammeYear!.Year;
        var expected = tracked ? db.ExpectedResults : db.ExpectedResults.AsNoTracking();
        return await expected.FirstOrDefaultAsync(f => f.ProjectId == form.ProjectId && f.Year == year, cancellationToken);
    }

    private static IWorkflowForm Empty(FormRef form, ReportingPeriod period) => form.Kind == FormKind.Evaluation
        ? new EvaluationForm { ProjectId = form.ProjectId, ReportingPeriodId = period.Id }
        : new Domain.Forms.ExpectedResults { ProjectId = form.ProjectId, Year = period.ProgrammeYear!.Year };
}

internal static class NewFormStamps
{
    public static void Stamp(this EvaluationForm form, DateTime now) => (form.CreatedAt, form.UpdatedAt) = (now, now);

    public static void Stamp(this Domain.Forms.ExpectedResults form, DateTime now) => (form.CreatedAt, form.UpdatedAt) = (now, now);
}
