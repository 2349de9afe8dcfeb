using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi.Rules;

/// <summary>4 技術移轉, 6 衍生產學合作計畫 and 技術服務: items (件) with an amount (仟元).</summary>
internal static class DealRules
{
    private const string Transfer = "技術移轉";
    private const string Cooperation = "衍生產學合作計畫";
    private const string Service = "技術服務";

    public static DealFigures TechTransfers(KpiContext context, IReadOnlyList<TechTransfer> transfers, List<Verdict> verdicts)
    {
        var window = context.TechTransferWindow;
        var tally = new Tally();
        var findings = new Findings();
        foreach (var transfer in transfers)
        {
            if (!context.InScope(transfer))
            {
                continue;
            }
            if (!window.Contains(transfer.SignedOn))
            {
                findings.Refuse($"技轉簽約日期 {Say.Day(transfer.SignedOn)} 不在計畫執行期間 {context.TechTransferWindowText} 內，不列入{Transfer}");
            }
            var licensee = context.Resolve(transfer);
            PartyRules.RequireCompany(licensee, "技轉對象", Transfer, findings,
                $"技轉對象「{licensee.Name}」為其它會員：與其它會員簽的技轉合約僅能作為質性成果，不列入{Transfer}");
            verdicts.Add(tally.Add(findings, EntryKind.TechTransfer, transfer.Id, transfer.Amount));
        }
        return tally.Figures;
    }

    public static DealFigures TechnicalServices(KpiContext context, IReadOnlyList<TechnicalService> services, List<Verdict> verdicts)
    {
        var window = context.ProjectWindow;
        var tally = new Tally();
        var findings = new Findings();
        foreach (var service in services)
        {
            if (!context.InScope(service))
            {
                continue;
            }
            if (!window.Contains(service.Date))
            {
                findings.Refuse($"服務日期 {Say.Day(service.Date)} 不在計畫執行期間 {context.ProjectWindowText} 內，不列入{Service}");
            }
            PartyRules.RequireCompany(context.Resolve(service), "服務對象", Service, findings);
            verdicts.Add(tally.Add(findings, EntryKind.TechnicalService, service.Id, service.Amount));
        }
        return tally.Figures;
    }

    public static DealFigures CooperationProjects(KpiContext context, IReadOnlyList<CooperationProject> projects, List<Verdict> verdicts)
    {
        var tally = new Tally();
        var findings = new Findings();
        foreach (var project in projects)
        {
            if (!context.InScope(project))
            {
                continue;
            }
            JudgeCooperation(context, project, findings);
            verdicts.Add(tally.Add(findings, EntryKind.CooperationProject, project.Id, project.Budget));
        }
        return tally.Figures;
    }

    private static void JudgeCooperation(KpiContext context, CooperationProject project, Findings findings)
    {
        PartyRules.RequireMemberCompany(context.Resolve(project), project.StartDate, "計畫執行起始日期",
            "產學合作計畫對象限為廠商會員", Cooperation, findings);
        var window = context.CooperationStartWindow;
        if (!window.Contains(project.StartDate))
        {
            findings.Refuse($"計畫執行起始日期 {Say.Day(project.StartDate)} 不在 {context.CooperationStartWindowText} 內，不列入{Cooperation}");
        }
        if (!project.SignedByPrincipalInvestigator)
        {
            findings.Refuse($"計畫立約人須為計畫主持人或共同主持人，不列入{Cooperation}");
        }
        if (project.BudgetBasis == BudgetBasis.ReceivedThisYear && !project.ReceiptIncluded)
        {
            findings.Refuse($"經費填報方式為本年度實際進帳金額，附件須另附有效領據以佐證金額，不列入{Cooperation}");
        }
    }

    private sealed class Tally
    {
        private int count;
        private decimal amount;

        public DealFigures Figures => new(count, amount);

        public Verdict Add(Findings findings, EntryKind kind, int id, decimal value)
        {
            if (!findings.Clear)
            {
                return findings.ToVerdict(kind, id, 0m);
            }
            count++;
            amount += value;
            return findings.ToVerdict(kind, id, value);
        }
    }
}
