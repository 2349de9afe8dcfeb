using System.Security.Claims;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Content;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Workflow;

/// <summary>Which form a workflow step is about: its kind, project and period (for 預期成果 the year's 預期成果綜整表 period).</summary>
public sealed record FormRef(FormKind Kind, int ProjectId, int ReportingPeriodId);

public static class FormRefs
{
    /// <summary>The form named by a URL segment (evaluation, expected-results); null for anything else (404).</summary>
    public static FormRef? Parse(string kind, int projectId, int periodId) => kind switch
    {
        "evaluation" => new FormRef(FormKind.Evaluation, projectId, periodId),
        "expected-results" => new FormRef(FormKind.ExpectedResults, projectId, periodId),
        _ => null,
    };
}

/// <summary>
/// The web side of the submission workflow shared by 預期成果 and 管考資料: who the user is to the project (Actor), the
/// workflow context for a form, and one step applied to a tracked form together with what it leaves behind — the history row,
/// the snapshot of a 確定送出, the review of the latest snapshot, the PI's e-mail on 退回修改 / 重新開放. The caller saves
/// once, so the state change and its records are stored together or not at all.
/// </summary>
public sealed class FormWorkflowHandler(AppDbContext db, ProjectAccess access, TimeProvider clock)
{
    /// <summary>The user's part in the workflow of the project: office, PI, assistant, or null (no role).</summary>
    public async Task<Actor?> ActorAsync(ClaimsPrincipal user, int projectId, CancellationToken cancellationToken)
    {
        if (ProjectAccess.IsOffice(user))
        {
            return Actor.Office;
        }
        return await access.RoleOnAsync(user, projectId, cancellationToken) switch
        {
            ProjectRole.PrincipalInvestigator => Actor.Pi,
            ProjectRole.Assistant => Actor.Assistant,
            _ => null,
        };
    }

    public WorkflowContext Context(IWorkflowForm form, ReportingPeriod period, Actor actor, int blockingIssues = 0) =>
        new(form.State, actor, clock.TaiwanToday(), SubmissionWindow.Of(period, form.ExtendedUntil), blockingIssues);

    /// <summary>Whether the project may change the form (and, for 管考資料, the period's 工作進度) now; the reason when not.</summary>
    public string? EditBlocker(IWorkflowForm form, ReportingPeriod period) =>
        FormWorkflow.EditBlocker(form.State, SubmissionWindow.Of(period, form.ExtendedUntil), clock.TaiwanToday());

    /// <summary>
    /// Decides the step and, when allowed, applies it to the tracked form and stages its records. Returns the refusal, or null.
    /// <paramref name="snapshot"/> is asked for only on 確定送出; <paramref name="formUrl"/> goes into the PI's e-mail.
    /// </summary>
    public async Task<DomainViolation?> ApplyAsync(FormRef form, IWorkflowForm entity, WorkflowContext context, WorkflowRequest request,
        string userId, Func<Snapshot> snapshot, string formUrl, CancellationToken cancellationToken)
    {
        var decision = FormWorkflow.Decide(context, request);
        if (!decision.Allowed)
        {
            return decision.Refusal;
        }
        var from = entity.State;
        decision.ApplyTo(entity);
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Action == FormAction.SaveDraft)
        {
            return null;
        }
        db.WorkflowEvents.Add(new WorkflowEvent
        {
            Kind = form.Kind,
            ProjectId = form.ProjectId,
            ReportingPeriodId = form.ReportingPeriodId,
            Action = request.Action,
            FromState = from,
            ToState = entity.State,
            UserId = userId,
            At = now,
            Reason = request.Reason?.Trim(),
            ExtendedUntil = decision.ExtendedUntil,
        });
        switch (request.Action)
        {
            case FormAction.Submit:
                var number = await db.FormSubmissions.CountAsync(
                    s => s.ProjectId == form.ProjectId && s.Kind == form.Kind && s.ReportingPeriodId == form.ReportingPeriodId, cancellationToken);
                db.FormSubmissions.Add(FormSubmission.Record(snapshot(), number + 1, userId, now));
                break;
            case FormAction.Accept or FormAction.Return or FormAction.Reopen:
                var latest = await LatestSubmissionAsync(form, cancellationToken);
                latest?.Review(request.Action == FormAction.Accept ? FormState.Accepted : FormState.Returned, userId, now, request.Reason?.Trim());
                if (request.Action != FormAction.Accept)
                {
                    await TellPisAsync(form, request.Action, entity.ReturnReason, decision.ExtendedUntil, formUrl, now, cancellationToken);
                }
                break;
        }
        return null;
    }

    /// <summary>The submissions of a form, newest first.</summary>
    public Task<List<FormSubmission>> SubmissionsAsync(FormRef form, CancellationToken cancellationToken) =>
        db.FormSubmissions.AsNoTracking()
            .Where(s => s.ProjectId == form.ProjectId && s.Kind == form.Kind && s.ReportingPeriodId == form.ReportingPeriodId)
            .OrderByDescending(s => s.Number).ToListAsync(cancellationToken);

    private Task<FormSubmission?> LatestSubmissionAsync(FormRef form, CancellationToken cancellationToken) =>
        db.FormSubmissions
            .Where(s => s.ProjectId == form.ProjectId && s.Kind == form.Kind && s.ReportingPeriodId == form.ReportingPeriodId)
            .OrderByDescending(s => s.Number).FirstOrDefaultAsync(cancellationToken);

    private async Task TellPisAsync(FormRef form, FormAction action, string? reason, DateOnly? extendedUntil, string formUrl, DateTime now,
        CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == form.ProjectId)
            .Select(p => new { p.Number, p.Name }).SingleAsync(cancellationToken);
        var period = await db.ReportingPeriods.AsNoTracking().Where(p => p.Id == form.ReportingPeriodId)
            .Select(p => p.Name).SingleAsync(cancellationToken);
        var emails = await db.ProjectMembers.AsNoTracking()
            .Where(m => m.ProjectId == form.ProjectId && m.Role == ProjectRole.PrincipalInvestigator)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email).OfType<string>().ToListAsync(cancellationToken);
        var what = action == FormAction.Reopen ? "重新開放" : "退回修改";
        var subject = $"【產學小聯盟】{project.Number} {form.Kind.Label()}已{what}";
        var body = $"計畫主持人您好：\n\n計畫辦公室已將「{project.Name}」（{project.Number}）{period}的{form.Kind.Label()}{what}。\n"
                   + $"原因：{reason}\n"
                   + (extendedUntil is { } until ? $"請於 {DateFormat.Show(until)} 前修改並再次確定送出。\n" : "請修改後再次確定送出。\n")
                   + "\n計畫辦公室－工程科技推展中心";
        foreach (var email in emails)
        {
            db.Outbox.Add(new OutboxEmail { To = email, Subject = subject, Body = body, Link = formUrl, CreatedAt = now });
        }
    }
}
