using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi.Rules;

/// <summary>
/// The money already reported as a cooperation project or a tech transfer, by counterparty name and amount, so
/// that an income of the same counterparty and the same total is recognised as the same money reported twice.
/// </summary>
internal sealed class SameMoneyIndex
{
    private readonly Dictionary<(string Party, decimal Amount), ProgressEntry> entries = [];
    private readonly KpiContext context;

    private SameMoneyIndex(KpiContext context) => this.context = context;

    public static SameMoneyIndex Build(KpiContext context, KpiEntries entries)
    {
        var index = new SameMoneyIndex(context);
        foreach (var project in entries.CooperationProjects)
        {
            index.Add(context.Resolve(project), project.Budget, project);
        }
        foreach (var transfer in entries.TechTransfers)
        {
            index.Add(context.Resolve(transfer), transfer.Amount, transfer);
        }
        return index;
    }

    /// <summary>The reason the income is the same money as an earlier-reported project or transfer, if it is.</summary>
    public string? Find(Party payer, decimal total)
    {
        var key = context.KeyOf(payer);
        if (key.Length == 0 || total <= 0 || !entries.TryGetValue((key, total), out var entry))
        {
            return null;
        }
        return entry switch
        {
            CooperationProject project =>
                $"此筆「{payer.Name}」之收入與衍生產學合作計畫「{project.Name}」（經費 {Say.Money(project.Budget)} 仟元）為同一筆款項，產學合作之經費勿重複填報於營運收入，不列入營運收入",
            TechTransfer transfer =>
                $"此筆「{payer.Name}」之收入與衍生技轉「{transfer.Name}」（金額 {Say.Money(transfer.Amount)} 仟元）為同一筆款項，技術移轉之收入不列入營運收入",
            _ => null,
        };
    }

    private void Add(Party party, decimal amount, ProgressEntry entry)
    {
        var key = context.KeyOf(party);
        if (key.Length > 0 && amount > 0)
        {
            entries.TryAdd((key, amount), entry);
        }
    }
}
