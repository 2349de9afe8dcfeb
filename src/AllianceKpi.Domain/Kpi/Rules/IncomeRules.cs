using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi.Rules;

/// <summary>
/// 3 聯盟經常性營運收入 = 會員費 + 技術服務 + 其它, of the incomes whose 會計核定日期 lies in the income window.
/// A part that the programme excludes is dropped with its reason; the rest of the entry still counts.
/// </summary>
internal static class IncomeRules
{
    public static IncomeFigures Evaluate(KpiContext context, KpiEntries entries, List<Verdict> verdicts)
    {
        SameMoneyIndex? sameMoney = null;
        decimal fees = 0, services = 0, others = 0;
        var findings = new Findings();
        foreach (var income in entries.Incomes)
        {
            if (!context.InScope(income))
            {
                continue;
            }
            sameMoney ??= SameMoneyIndex.Build(context, entries);
            var (fee, service, other) = Judge(context, income, sameMoney, findings);
            fees += fee;
            services += service;
            others += other;
            var counted = fee + service + other;
            verdicts.Add(findings.ToVerdict(EntryKind.OperatingIncome, income.Id, findings.Clear || counted > 0, counted));
        }
        return new IncomeFigures(fees, services, others);
    }

    private static (decimal Fee, decimal Service, decimal Other) Judge(KpiContext context, OperatingIncome income, SameMoneyIndex sameMoney, Findings findings)
    {
        if (!context.IncomeWindow.Contains(income.AccountingDate))
        {
            findings.Refuse($"會計核定日期 {Say.Day(income.AccountingDate)} 不在 {context.IncomeWindowText} 內，不列入營運收入");
            return default;
        }
        var payer = context.Resolve(income);
        if (sameMoney.Find(payer, income.Total) is { } duplicate)
        {
            findings.Refuse(duplicate);
            return default;
        }
        var service = income.TechnicalServiceFee;
        if (payer.Kind == PartyKind.OtherMember && service > 0)
        {
            findings.Refuse($"技術服務收入須來自廠商：「{payer.Name}」為其它會員，技術服務收入 {Say.Money(service)} 仟元不列入營運收入");
            service = 0;
        }
        return (income.MembershipFee, service, JudgeOther(income, payer, findings));
    }

    private static decimal JudgeOther(OperatingIncome income, Party payer, Findings findings)
    {
        var other = income.OtherIncome;
        if (other == 0)
        {
            return 0;
        }
        var amount = Say.Money(other);
        var counted = other;
        if (NatureReason(income.OtherIncomeNature) is { } what)
        {
            findings.Refuse($"其它收入 {amount} 仟元為{what}");
            counted = 0;
        }
        if (payer.Kind == PartyKind.OtherMember)
        {
            findings.Refuse($"付款單位「{payer.Name}」為其它會員：與其它會員之收入不可列入其它收入（{amount} 仟元）");
            counted = 0;
        }
        return counted;
    }

    private static string? NatureReason(OtherIncomeNature nature) => nature switch
    {
        OtherIncomeNature.SchoolIncentive => "學校給予之鼓勵金、設備，不列入營運收入",
        OtherIncomeNature.DonatedEquipment => "廠商捐贈之設備與其設備價值，不列入營運收入",
        OtherIncomeNature.ProgrammeGrant => "科技部給予之產學小聯盟計畫經費，不列入營運收入",
        OtherIncomeNature.OtherGrantCounterpartFunds =>
            "其它計畫之經費收入（如廠商配合款、科技部補助款、SBIR、產學合作、建教合作），不列入營運收入，請填入衍生產學合作計畫",
        OtherIncomeNature.TechTransferIncome => "技術移轉之收入，不列入營運收入，請填入衍生技轉",
        _ => null,
    };
}
