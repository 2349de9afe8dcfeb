using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Web.Features.Progress.Members;

/// <summary>This period's members with their verdicts, and the still-valid members of earlier periods (read-only).</summary>
public sealed record MembersPage(ProgressContext Context, IReadOnlyList<EntryRow<AllianceMember>> Rows,
    IReadOnlyList<EntryRow<AllianceMember>> Earlier) : EntryListPage<AllianceMember>(Context, Rows);

/// <summary>The add or edit form with the warning that the company is already a member.</summary>
public sealed record MemberFormPage(ProgressContext Context, string Slug, MemberForm Form, int? EntryId, CurrentAttachment? Current,
    string? DuplicateWarning) : EntryFormPage<MemberForm>(Context, Slug, Form, EntryId, Current, []);
