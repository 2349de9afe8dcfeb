using AllianceKpi.Domain.Forms;

namespace AllianceKpi.Domain.Reports;

/// <summary>
/// The report model of a 季綜整表 or 累計綜整表 frozen at a 確定送出 of the 管考資料 form, stored with that submission: what
/// the summary of a submitted or accepted form shows, whatever changes in the data afterwards.
/// </summary>
public class SubmittedSummary
{
    public int FormSubmissionId { get; set; }
    public FormSubmission? Submission { get; set; }

    /// <summary>1 = 季綜整表, 2 = 累計綜整表 (the web layer's SummaryView).</summary>
    public int View { get; set; }

    /// <summary>The report model as JSON, written by the web layer.</summary>
    public string ModelJson { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// The PDF bytes printed once from a <see cref="SubmittedSummary"/>, per status shown in its header (已送出, then 已確認 after
/// acceptance): a second download returns the same bytes without printing again.
/// </summary>
public class SummaryPdf
{
    public int FormSubmissionId { get; set; }
    public int View { get; set; }
    public string Status { get; set; } = "";
    public byte[] Content { get; set; } = [];

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }
}

public enum SummaryZipJobStatus
{
    Queued = 1,
    Running = 2,
    Completed = 3,
    Failed = 4,
}

/// <summary>
/// The office's request for a zip of every project's 季綜整表 of one period, built in the background by whichever web node
/// claims it first; <see cref="Done"/> of <see cref="Total"/> is the progress, <see cref="FileKey"/> the zip in the store.
/// </summary>
public class SummaryZipJob
{
    public int Id { get; set; }
    public int ReportingPeriodId { get; set; }
    public SummaryZipJobStatus Status { get; set; } = SummaryZipJobStatus.Queued;
    public int Total { get; set; }
    public int Done { get; set; }
    public string? Error { get; set; }
    public string RequestedByUserId { get; set; } = "";

    /// <summary>UTC, as are the other times.</summary>
    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    /// <summary>The last sign of life of the node building it: a running job not heard of for long is claimed again.</summary>
    public DateTime? HeartbeatAt { get; set; }

    public DateTime? FinishedAt { get; set; }
    public string? FileKey { get; set; }
    public long? FileLength { get; set; }
}
