using System.Security.Claims;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Features.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.ExpectedResults;

/// <summary>
/// What the 預期成果 form of one project stands on: the project, its year's 預期成果綜整表 period, the form (tracked; a new,
/// unsaved one until the first save) and who the user is to the project (null: no part in it).
/// </summary>
public sealed record ExpectedResultsContext(Project Project, ReportingPeriod Period, Domain.Forms.ExpectedResults Form, bool IsNew, Actor? Actor)
{
    public string FormUrl => $"/projects/{Project.Id}/expected-results/{Period.Id}";
    public string AutosaveUrl => $"{FormUrl}/autosave";
    public string BackUrl => $"/expected-results?periodId={Period.Id}";
    public FormRef Ref => new(FormKind.ExpectedResults, Project.Id, Period.Id);
}

/// <summary>The form page: the values to show, 總收入, the workflow status, the checklist, what someone else saved meanwhile.</summary>
public sealed record ExpectedResultsPage(
    ExpectedResultsContext Context,
    ExpectedResultsForm Form,
    string TotalIncome,
    WorkflowStatus Status,
    bool Editable,
    bool CanSubmit,
    IReadOnlyList<ChecklistRow> Checklist,
    IReadOnlyList<ConflictField> Conflicts)
{
    public IReadOnlyList<ItemView> Items { get; } = ItemView.Of(Form);
}

/// <summary>Loads the 預期成果 form of a project and builds its page; the office sees it read-only.</summary>
public sealed class ExpectedResultsHandler(AppDbContext db, FormWorkflowHandler workflow)
{
    public const string OfficeViewsOnly = "計畫辦公室僅檢視預期成果，不修改計畫填報的資料。";

    /// <summary>Null when the project does not exist or the period is not the 預期成果綜整表 of the project's programme year.</summary>
    public async Task<ExpectedResultsContext?> LoadAsync(ClaimsPrincipal user, int projectId, int periodId, CancellationToken cancellationToken) =>
        await LoadAsync(projectId, periodId, await workflow.ActorAsync(user, projectId, cancellationToken), cancellationToken);

    /// <summary>The same for a known actor, e.g. to read the form again after someone else's save got in first.</summary>
    public async Task<ExpectedResultsContext?> LoadAsync(int projectId, int periodId, Actor? actor, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }
        var period = await db.ReportingPeriods.AsNoTracking().FirstOrDefaultAsync(
            p => p.Id == periodId && p.Kind == ReportingPeriodKind.ExpectedResults && p.ProgrammeYear!.Year == project.Year, cancellationToken);
        if (period is null)
        {
            return null;
        }
        var form = await db.ExpectedResults.Include(e => e.Notes)
            .FirstOrDefaultAsync(e => e.ProjectId == projectId && e.Year == project.Year, cancellationToken);
        return form is null
            ? new ExpectedResultsContext(project, period, new Domain.Forms.ExpectedResults { ProjectId = projectId, Year = project.Year }, true, actor)
            : new ExpectedResultsContext(project, period, form, false, actor);
    }

    /// <summary>
    /// The page for the stored form, or for what the user typed (<paramref name="typed"/>) when it is shown again. The
    /// checklist reads the typed values that can be kept; 總收入 adds the typed parts.
    /// </summary>
    public ExpectedResultsPage Page(ExpectedResultsContext context, ExpectedResultsForm? typed = null,
        IReadOnlyList<ConflictField>? conflicts = null)
    {
        var form = typed ?? ExpectedResultsForm.From(context.Form);
        var blocker = workflow.EditBlocker(context.Form, context.Period);
        var isOffice = context.Actor is not Actor.Pi and not Actor.Assistant;
        var editable = !isOffice && blocker is null;
        var canSubmit = context.Actor is { } actor
                        && FormWorkflow.Offers(workflow.Context(context.Form, context.Period, actor)).Contains(FormAction.Submit);
        var status = WorkflowStatus.Of(context.Form, context.Period, blocker ?? (isOffice ? OfficeViewsOnly : null));
        return new ExpectedResultsPage(context, form, Amount(form.TypedTotalIncome()), status, editable, editable && canSubmit,
            editable ? Checklist(context, form) : [], conflicts ?? []);
    }

    /// <summary>送出前檢查 of the typed values, each item linked to its field's anchor.</summary>
    public static IReadOnlyList<ChecklistRow> Checklist(ExpectedResultsContext context, ExpectedResultsForm form)
    {
        var scratch = new Domain.Forms.ExpectedResults { ProjectId = context.Project.Id, Year = context.Project.Year };
        form.ApplyTo(scratch);
        return SubmissionChecklist.Check(ChecklistInputs.ForExpectedResults(scratch))
            .Select(item => new ChecklistRow(item.Severity, item.Message, item.Link.Field is { } field ? $"#{field}" : null))
            .ToList();
    }

    /// <summary>An amount in 仟元 as the page and its script show it: up to 3 decimals, no trailing zeros.</summary>
    public static string Amount(decimal amount) => SnapshotValue.Of(amount) ?? "0";
}
