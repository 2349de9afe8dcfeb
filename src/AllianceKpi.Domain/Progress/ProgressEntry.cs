using AllianceKpi.Domain.Audit;
using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Progress;

/// <summary>
/// One line of 工作進度 (work progress) of a project. It is tagged with the reporting period it was reported in (季類別)
/// and keeps that tag; the rules engine decides whether and how it counts.
/// </summary>
public abstract class ProgressEntry : IVersioned, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }

    /// <summary>季類別: the period the entry was reported in.</summary>
    public int ReportingPeriodId { get; set; }

    /// <summary>The one supporting file of the entry (contract, voucher, …), if any.</summary>
    public int? AttachmentId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }
}

/// <summary>A company the entry names: a member of the alliance (by id) or a name typed for a non-member.</summary>
public interface INamesCounterparty
{
    int? MemberId { get; }
    string? CounterpartyName { get; }
}
