using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Web.Features.Account;

namespace AllianceKpi.Web.Features.Workflow;

/// <summary>What the top of a form shows about its workflow: state, the office's reason of a return, the extension, why it is read-only.</summary>
public sealed record WorkflowStatus(FormState State, string? ReturnReason, DateOnly Deadline, DateOnly? ExtendedUntil, string? EditBlocker)
{
    public static WorkflowStatus Of(IWorkflowForm form, ReportingPeriod period, string? editBlocker) =>
        new(form.State, form.ReturnReason, period.Deadline, form.ExtendedUntil, editBlocker);

    public string BadgeClass => State switch
    {
        FormState.Submitted => "text-bg-primary",
        FormState.Returned => "text-bg-warning",
        FormState.Accepted => "text-bg-success",
        _ => "text-bg-secondary",
    };
}

/// <summary>One line of 送出前檢查 as the page shows it, its link already resolved to a URL or an anchor.</summary>
public sealed record ChecklistRow(ChecklistSeverity Severity, string Message, string? Href);

/// <summary>A field that someone else saved differently while this user was typing: both values, for the user to merge.</summary>
public sealed record ConflictField(string InputName, string Label, string? Mine, string? Theirs);

/// <summary>The JSON answer of an autosave: the time shown in 「已自動儲存 14:32」 (Taiwan), the new concurrency token, the session's end.</summary>
public sealed record AutosaveResult(string SavedAt, Guid Version, SessionTimes? Session);

/// <summary>The JSON answer of a refused autosave (400: a value cannot be kept; 409: someone else saved meanwhile).</summary>
public sealed record AutosaveRefusal(string Message);
