using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>A member the project recruited in this period or an earlier one, for the payer / partner drop-downs.</summary>
public sealed record MemberChoice(int Id, string Name, string PeriodLabel);

public static class PayerChoices
{
    /// <summary>The project's members reported in this period or one whose deadline is not later, by name.</summary>
    public static IReadOnlyList<MemberChoice> UpToPeriod(ProgressContext context)
    {
        var periods = context.Year.Periods.Where(p => p.Deadline <= context.Period.Deadline).Select(p => p.Id).ToHashSet();
        return context.Entries.Members.Where(m => periods.Contains(m.ReportingPeriodId))
            .OrderBy(m => m.CompanyName, StringComparer.Ordinal)
            .Select(m => new MemberChoice(m.Id, m.CompanyName, context.PeriodLabel(m.ReportingPeriodId)))
            .ToList();
    }

    /// <summary>The name shown for an entry's company: the member's or the typed one.</summary>
    public static string NameOf(ProgressContext context, INamesCounterparty entry) =>
        entry.MemberId is { } id
            ? context.Entries.Members.FirstOrDefault(m => m.Id == id)?.CompanyName ?? ""
            : entry.CounterpartyName ?? "";
}
