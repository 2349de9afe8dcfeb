using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>What every 工作進度 form does: carry the version and the file, check itself, write itself to its entry and be read from one.</summary>
public interface IEntryForm<TEntry, TSelf> where TEntry : ProgressEntry
{
    Guid Version { get; set; }

    IFormFile? Attachment { get; }

    /// <summary>The business rules DataAnnotations cannot say; <paramref name="members"/> are the payer / partner choices (empty for kinds without one).</summary>
    IReadOnlyList<DomainViolation> Check(IReadOnlyList<MemberChoice> members);

    void ApplyTo(TEntry entry);

    static abstract TSelf From(TEntry entry);
}

/// <summary>One line of a kind's list: the entry, its 季類別, the company it names (empty when the kind names none) and its verdict.</summary>
public sealed record EntryRow<TEntry>(TEntry Entry, string PeriodLabel, string Counterparty, Verdict? Verdict)
    where TEntry : ProgressEntry;

/// <summary>This period's entries of one kind with their verdicts, and the earlier periods' entries that are still valid (read-only).</summary>
public sealed record EntryListPage<TEntry>(ProgressContext Context, IReadOnlyList<EntryRow<TEntry>> Rows,
    IReadOnlyList<EntryRow<TEntry>> Earlier) where TEntry : ProgressEntry;

/// <summary>The add (EntryId null) or edit form of one kind, with the current file and the payer / partner choices.</summary>
public record EntryFormPage<TForm>(ProgressContext Context, string Slug, TForm Form, int? EntryId, CurrentAttachment? Current,
    IReadOnlyList<MemberChoice> Members)
{
    public string Action => EntryId is { } id ? $"{Context.BaseUrl}/{Slug}/{id}/edit" : $"{Context.BaseUrl}/{Slug}/new";

    /// <summary>The fields someone else saved differently while this user edited (empty unless a save met a newer version).</summary>
    public IReadOnlyList<Workflow.ConflictField> Conflicts { get; init; } = [];

    /// <summary>The new entry form's one-time key (decision 0024); null on an edit form.</summary>
    public Guid? SubmissionKey { get; init; }
}
