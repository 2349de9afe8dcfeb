using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Workflow;

/// <summary>The facts the workflow decides on, all passed in as values (no clock, no database).</summary>
/// <param name="State">The form's current state.</param>
/// <param name="Actor">Who acts.</param>
/// <param name="Today">Taiwan's calendar day of the request.</param>
/// <param name="Window">The period's open date and deadline, and this project's 展延期限 if any.</param>
/// <param name="BlockingIssues">How many blocking items the submission checklist lists (see <see cref="SubmissionChecklist"/>).</param>
public sealed record WorkflowContext(FormState State, Actor Actor, DateOnly Today, SubmissionWindow Window, int BlockingIssues = 0);

/// <summary>An action with what it needs: the office's reason for 退回修改 / 重新開放, a 展延期限 for 展延 (or with a return after the deadline).</summary>
public sealed record WorkflowRequest(FormAction Action, string? Reason = null, DateOnly? ExtendUntil = null)
{
    public static WorkflowRequest SaveDraft { get; } = new(FormAction.SaveDraft);
    public static WorkflowRequest Submit { get; } = new(FormAction.Submit);
    public static WorkflowRequest Accept { get; } = new(FormAction.Accept);

    public static WorkflowRequest Return(string? reason, DateOnly? extendUntil = null) => new(FormAction.Return, reason, extendUntil);

    public static WorkflowRequest Reopen(string? reason, DateOnly? extendUntil = null) => new(FormAction.Reopen, reason, extendUntil);

    public static WorkflowRequest GrantExtension(DateOnly? until) => new(FormAction.GrantExtension, ExtendUntil: until);
}

/// <summary>
/// The answer: the form's workflow fields after the action, or a refusal. A refusal is a <see cref="DomainViolation"/>
/// whose field is <see cref="WorkflowFields.Reason"/>, <see cref="WorkflowFields.ExtendUntil"/> or empty (the form as a whole).
/// </summary>
public sealed class WorkflowDecision
{
    private WorkflowDecision(FormState state, DateOnly? extendedUntil, bool setsReturnReason, string? returnReason,
        DomainViolation? refusal)
    {
        State = state;
        ExtendedUntil = extendedUntil;
        SetsReturnReason = setsReturnReason;
        ReturnReason = returnReason;
        Refusal = refusal;
    }

    public bool Allowed => Refusal is null;

    /// <summary>The state after the action (unchanged when refused).</summary>
    public FormState State { get; }

    /// <summary>The 展延期限 after the action (the window's, unless the action grants one).</summary>
    public DateOnly? ExtendedUntil { get; }

    /// <summary>Whether the action writes <see cref="ReturnReason"/>: 退回修改 and 重新開放 set it, 確定送出 and 確認 clear it, the others keep it.</summary>
    public bool SetsReturnReason { get; }

    public string? ReturnReason { get; }

    public DomainViolation? Refusal { get; }

    internal static WorkflowDecision Keep(FormState state, DateOnly? extendedUntil) =>
        new(state, extendedUntil, false, null, null);

    internal static WorkflowDecision Allow(FormState state, DateOnly? extendedUntil, string? returnReason) =>
        new(state, extendedUntil, true, returnReason, null);

    internal static WorkflowDecision Refuse(WorkflowContext context, DomainViolation refusal) =>
        new(context.State, context.Window.ExtendedUntil, false, null, refusal);

    /// <summary>Writes the new state, 展延期限 and 退回原因 to the form; refused decisions cannot be applied.</summary>
    public void ApplyTo(IWorkflowForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Allowed)
        {
            throw new InvalidOperationException($"A refused decision cannot be applied: {Refusal!.Message}");
        }
        form.State = State;
        form.ExtendedUntil = ExtendedUntil;
        if (SetsReturnReason)
        {
            form.ReturnReason = ReturnReason;
        }
    }

    public override string ToString() => Allowed ? $"→ {State}" : $"refused: {Refusal!.Message}";
}

/// <summary>Field names of workflow refusals, for ModelState.</summary>
public static class WorkflowFields
{
    public const string Form = "";
    public const string Reason = "Reason";
    public const string ExtendUntil = "ExtendUntil";
}
