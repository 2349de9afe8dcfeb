using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Web.Features.Progress.Members;

public sealed record MemberRow(AllianceMember Member, string PeriodLabel, Verdict? Verdict);

/// <summary>This period's members with their verdicts, and the still-valid members of earlier periods (read-only).</summary>
public sealed record MembersPage(ProgressContext Context, IReadOnlyList<MemberRow> Current, IReadOnlyList<MemberRow> Earlier);

/// <summary>The add or edit form with what it shows around the fields.</summary>
public sealed record MemberFormPage(ProgressContext Context, MemberForm Form, int? EntryId, CurrentAttachment? Current, string? DuplicateWarning)
{
    public string Action => EntryId is { } id ? $"{Context.BaseUrl}/members/{id}/edit" : $"{Context.BaseUrl}/members/new";
}
