namespace AllianceKpi.Domain.Kpi.Rules;

/// <summary>
/// The money already reported as a cooperation project or a tech transfer, by counterparty name and amount, so
/// that an income of the same counterparty and the same total is recognised as the same money reported twice.
/// </summary>
internal sealed class SameMoneyIndex
{
    private readonly Dictionary<(string Party, decimal Amount), string> reasons = [];

    public static SameMoneyIndex Build(KpiContext context, KpiEntries entries)
    {
        var index = new SameMoneyIndex();
        foreach (var project in entries.CooperationProjects)
        {
            index.Add(context.Resolve(project), project.Budget,
                $"與衍生產學合作計畫「{project.Name}」（經費 {Say.Money(project.Budget)} 仟元）為同一筆款項，產學合作之經費勿重複填報於營運收入，不列入營運收入");
        }
        foreach (var transfer in entries.TechTransfers)
        {
            index.Add(context.Resolve(transfer), transfer.Amount,
                $"與衍生技轉「{transfer.Name}」（金額 {Say.Money(transfer.Amount)} 仟元）為同一筆款項，技術移轉之收入不列入營運收入");
        }
        return index;
    }

    public string? Find(Party payer, decimal total)
    {
        var key = payer.Key;
        return key.Length > 0 && total > 0 && reasons.TryGetValue((key, total), out var reason)
            ? $"此筆「{payer.Name}」之收入{reason}"
            : null;
    }

    private void Add(Party party, decimal amount, string reason)
    {
        var key = party.Key;
        if (key.Length > 0 && amount > 0)
        {
            reasons.TryAdd((key, amount), reason);
        }
    }
}
