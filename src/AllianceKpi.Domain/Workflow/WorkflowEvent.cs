namespace AllianceKpi.Domain.Workflow;

/// <summary>
/// One step of a form's workflow as it happened: 確定送出, 退回修改 (with the reason), 確認, 重新開放, 展延 (until a date, with why),
/// by whom and when (UTC). Only ever added; the project's PI sees the latest return on their home page, the office sees the history.
/// </summary>
public sealed class WorkflowEvent
{
    public const int MaxReasonLength = 2000;

    public long Id { get; set; }
    public FormKind Kind { get; set; }
    public int ProjectId { get; set; }

    /// <summary>The form's period (for 預期成果 the year's 預期成果綜整表 period).</summary>
    public int ReportingPeriodId { get; set; }

    public FormAction Action { get; set; }
    public FormState FromState { get; set; }
    public FormState ToState { get; set; }
    public string UserId { get; set; } = "";
    public DateTime At { get; set; }
    public string? Reason { get; set; }
    public DateOnly? ExtendedUntil { get; set; }
}
