using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Web.Features.Progress.Members;

/// <summary>The add or edit form with the warning that the company is already a member.</summary>
public sealed record MemberFormPage(ProgressContext Context, string Slug, MemberForm Form, int? EntryId, CurrentAttachment? Current,
    string? DuplicateWarning) : EntryFormPage<MemberForm>(Context, Slug, Form, EntryId, Current, []);
