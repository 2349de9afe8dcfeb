using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Workflow;

namespace AllianceKpi.Domain.Forms;

/// <summary>
/// One 確定送出 of a form, kept for good: the canonical JSON of what was submitted and its SHA-256. Numbered 1, 2, … per
/// form kind, project and period. <see cref="State"/> starts as 已送出 and records the office's review of this version
/// (已確認, or 退回修改 with the reason); the content never changes.
/// </summary>
public class FormSubmission : IVersioned
{
    public int Id { get; set; }
    public FormKind Kind { get; set; }
    public int ProjectId { get; set; }

    /// <summary>The period submitted; for 預期成果, the year's 預期成果綜整表 period.</summary>
    public int ReportingPeriodId { get; set; }

    /// <summary>1 for the first submission of this form, then 2, 3, … after each return.</summary>
    public int Number { get; set; }

    public FormState State { get; set; } = FormState.Submitted;
    public string SubmittedByUserId { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime SubmittedAt { get; set; }

    public string CanonicalJson { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of <see cref="CanonicalJson"/>'s UTF-8 bytes.</summary>
    public string Sha256 { get; set; } = "";

    public string? ReviewedByUserId { get; set; }
    public DateTime? ReviewedAt { get; set; }

    /// <summary>The office's reason when it returned or reopened this version.</summary>
    public string? ReviewReason { get; set; }

    public Guid Version { get; set; }

    /// <summary>A new submission of a snapshot; the caller gives the next number, the user and the time (UTC).</summary>
    public static FormSubmission Record(Snapshot snapshot, int number, string submittedByUserId, DateTime submittedAt)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var json = SnapshotJson.Write(snapshot);
        return new FormSubmission
        {
            Kind = snapshot.Kind,
            ProjectId = snapshot.ProjectId,
            ReportingPeriodId = snapshot.ReportingPeriodId,
            Number = number,
            State = FormState.Submitted,
            SubmittedByUserId = submittedByUserId,
            SubmittedAt = submittedAt,
            CanonicalJson = json,
            Sha256 = SnapshotJson.Sha256(json),
        };
    }

    /// <summary>Whether the stored text still has its stored hash.</summary>
    public bool IsIntact => string.Equals(SnapshotJson.Sha256(CanonicalJson), Sha256, StringComparison.Ordinal);

    public Snapshot Read() => SnapshotJson.Read(CanonicalJson);

    /// <summary>Records the office's 確認, 退回修改 or 重新開放 of this version.</summary>
    public void Review(FormState outcome, string reviewerUserId, DateTime at, string? reason = null)
    {
        if (outcome is not (FormState.Accepted or FormState.Returned))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A review accepts or returns.");
        }
        State = outcome;
        ReviewedByUserId = reviewerUserId;
        ReviewedAt = at;
        ReviewReason = reason;
    }
}
