using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Text;

namespace AllianceKpi.Domain.Workflow;

/// <summary>
/// The submission workflow of 預期成果 and 管考資料 forms: 草稿 → 已送出 → 已確認, or back to 退回修改. Who may do what and
/// when, with every refusal in zh-TW. The office reviews, returns, reopens and extends, but never edits what the
/// project wrote. Pure: today, the window and the checklist's verdict come in as values. See docs/workflow-rules.md.
/// </summary>
public static class FormWorkflow
{
    private static readonly FormAction[] Actions = Enum.GetValues<FormAction>();

    public static WorkflowDecision Decide(WorkflowContext context, WorkflowRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var refusal = Gate(context, request.Action) ?? Requirements(context, request);
        if (refusal is not null)
        {
            return WorkflowDecision.Refuse(context, refusal);
        }
        var extendedUntil = request.Action is FormAction.GrantExtension or FormAction.Return or FormAction.Reopen
            ? request.ExtendUntil ?? context.Window.ExtendedUntil
            : context.Window.ExtendedUntil;
        return request.Action switch
        {
            FormAction.SaveDraft => WorkflowDecision.Keep(context.State, extendedUntil),
            FormAction.Submit => WorkflowDecision.Allow(FormState.Submitted, extendedUntil, null),
            FormAction.Accept => WorkflowDecision.Allow(FormState.Accepted, extendedUntil, null),
            FormAction.Return or FormAction.Reopen => WorkflowDecision.Allow(FormState.Returned, extendedUntil, CleanReason(request.Reason)),
            FormAction.GrantExtension => WorkflowDecision.Keep(context.State, extendedUntil),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
    }

    /// <summary>
    /// The actions the actor may take now, judged on role, state and dates only: the buttons to show. 確定送出 is offered
    /// even with blocking checklist items (the checklist explains them); reasons and dates are checked by <see cref="Decide"/>.
    /// </summary>
    public static IReadOnlyList<FormAction> Offers(WorkflowContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Actions.Where(action => Gate(context, action) is null).ToList();
    }

    /// <summary>
    /// Why the project may not change the form and the period's 工作進度 entries now; null when it may. The office never
    /// edits them, whatever this says (see <see cref="CanEdit"/>).
    /// </summary>
    public static string? EditBlocker(FormState state, SubmissionWindow window, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(window);
        return state switch
        {
            FormState.Submitted => "資料已送出，無法再進行修改；如需修改請洽計畫辦公室退回。",
            FormState.Accepted => "資料已由計畫辦公室確認，無法再進行修改；如需修改請洽計畫辦公室重新開放。",
            _ => window.ClosedReason(today),
        };
    }

    /// <summary>Whether the form and the period's 工作進度 entries are read-only for the project now.</summary>
    public static bool IsLocked(FormState state, SubmissionWindow window, DateOnly today) =>
        EditBlocker(state, window, today) is not null;

    /// <summary>Whether this actor may change the form's content now: a project member while it is not locked; never the office.</summary>
    public static bool CanEdit(Actor actor, FormState state, SubmissionWindow window, DateOnly today) =>
        actor != Actor.Office && !IsLocked(state, window, today);

    /// <summary>Role, state and dates: may this actor take this action at all now?</summary>
    private static DomainViolation? Gate(WorkflowContext context, FormAction action)
    {
        var message = action switch
        {
            FormAction.SaveDraft => context.Actor == Actor.Office
                ? "計畫辦公室不修改計畫填報的資料；如需修改，請退回由計畫修改。"
                : EditBlocker(context.State, context.Window, context.Today),
            FormAction.Submit => SubmitGate(context),
            FormAction.Return => OfficeOnly(context, "僅計畫辦公室可退回修改。")
                                 ?? StateIs(context, "退回修改", FormState.Submitted),
            FormAction.Accept => OfficeOnly(context, "僅計畫辦公室可確認。")
                                 ?? StateIs(context, "確認", FormState.Submitted),
            FormAction.Reopen => OfficeOnly(context, "僅計畫辦公室可重新開放。")
                                 ?? StateIs(context, "重新開放", FormState.Submitted, FormState.Accepted),
            FormAction.GrantExtension => OfficeOnly(context, "僅計畫辦公室可核准展延。")
                                         ?? (context.State is FormState.Submitted or FormState.Accepted
                                             ? $"目前狀態為「{context.State.Label()}」，資料已送出，無需展延。"
                                             : null),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        return message is null ? null : new DomainViolation(WorkflowFields.Form, message);
    }

    private static string? SubmitGate(WorkflowContext context)
    {
        if (context.Actor != Actor.Pi)
        {
            return "僅計畫主持人可確定送出。";
        }
        return context.State switch
        {
            FormState.Submitted => "資料已送出，請勿重複送出。",
            FormState.Accepted => EditBlocker(context.State, context.Window, context.Today),
            _ => context.Window.ClosedReason(context.Today),
        };
    }

    private static string? OfficeOnly(WorkflowContext context, string message) =>
        context.Actor == Actor.Office ? null : message;

    private static string? StateIs(WorkflowContext context, string actionLabel, params FormState[] allowed) =>
        allowed.Contains(context.State)
            ? null
            : $"目前狀態為「{context.State.Label()}」，只有{string.Join("或", allowed.Select(s => $"「{s.Label()}」"))}的資料可以{actionLabel}。";

    /// <summary>What the request itself must carry: no blocking checklist items, a reason, a valid 展延期限.</summary>
    private static DomainViolation? Requirements(WorkflowContext context, WorkflowRequest request) => request.Action switch
    {
        FormAction.Submit when context.BlockingIssues > 0 => new(WorkflowFields.Form,
            $"送出前檢查尚有 {context.BlockingIssues} 項須修正，請修正後再確定送出。"),
        FormAction.Return or FormAction.Reopen => ReasonProblem(request.Reason) ?? RevisionDate(context, request.ExtendUntil),
        FormAction.GrantExtension => request.ExtendUntil is { } until
            ? ExtensionProblem(context, until)
            : new(WorkflowFields.ExtendUntil, "請指定展延期限。"),
        _ => null,
    };

    private static DomainViolation? ReasonProblem(string? reason) =>
        TextLength.IsBlank(reason)
            ? new(WorkflowFields.Reason, "請填寫退回原因。")
            : TextLength.Check(WorkflowFields.Reason, "退回原因", reason!.Trim(), TextLimits.ReturnReason);

    /// <summary>A form returned when the project could no longer change it needs a 展延期限, or it would stay stuck.</summary>
    private static DomainViolation? RevisionDate(WorkflowContext context, DateOnly? extendUntil)
    {
        if (extendUntil is { } until)
        {
            return ExtensionProblem(context, until);
        }
        return context.Window.IsOpenOn(context.Today)
            ? null
            : new(WorkflowFields.ExtendUntil,
                $"繳交期限 {DateFormat.Show(context.Window.LastDay)} 已過，退回時請一併指定展延期限，計畫才能修改並再次送出。");
    }

    private static DomainViolation? ExtensionProblem(WorkflowContext context, DateOnly until)
    {
        if (until <= context.Window.Deadline)
        {
            return new(WorkflowFields.ExtendUntil, $"展延期限須晚於繳交期限 {DateFormat.Show(context.Window.Deadline)}。");
        }
        return until < context.Today
            ? new(WorkflowFields.ExtendUntil, $"展延期限不可早於今天 {DateFormat.Show(context.Today)}。")
            : null;
    }

    private static string CleanReason(string? reason) => TextLength.Normalise(reason).Trim();
}
