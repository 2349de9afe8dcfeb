using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Tests.Kpi;
using AllianceKpi.Domain.Workflow;

namespace AllianceKpi.Domain.Tests.Forms;

/// <summary>The checklist built from the forms, the engine's reports and the entries.</summary>
public sealed class ChecklistInputsTests
{
    private static IReadOnlyList<ChecklistItem> Expected(ExpectedResults form) =>
        SubmissionChecklist.Check(ChecklistInputs.ForExpectedResults(form));

    [Fact]
    public void CompleteTargetsPass() => Assert.Empty(Expected(ExpectedResultsTests.Complete()));

    [Fact]
    public void ZeroIsATargetButBlankIsNot()
    {
        var form = ExpectedResultsTests.Complete();
        form.PatentsGranted = 0;
        Assert.Empty(Expected(form));
        form.PatentsGranted = null;
        var item = Assert.Single(Expected(form));
        Assert.Equal(new ChecklistItem(ChecklistSeverity.Blocking, "請填寫「獲證專利」的目標值（無目標請填 0）。",
            ChecklistLink.ToField("item7.patentsGranted")), item);
    }

    [Fact]
    public void ABlankFormListsEveryTargetInTheFormsOrder()
    {
        var items = Expected(new ExpectedResults());
        Assert.Equal(ExpectedTargets.All.Select(t => t.Key), items.Select(i => i.Link.Field));
        Assert.All(items, i => Assert.Equal(ChecklistSeverity.Blocking, i.Severity));
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(501, "「4. 其它補充說明」字數限制500字元，目前501字，超過1字。")]
    public void ANoteMayHoldFiveHundredCharacters(int length, string? message)
    {
        var form = ExpectedResultsTests.Complete();
        form.SetNote(4, new string('技', length));
        Assert.Equal(message, Expected(form).SingleOrDefault()?.Message);
    }

    [Fact]
    public void AnImpossibleTargetBlocks()
    {
        var form = ExpectedResultsTests.Complete();
        form.OtherIncome = -5;
        Assert.Equal("「其它項目收入」金額須為不小於 0 的數字，小數最多 3 位。", Assert.Single(Expected(form)).Message);
    }

    private sealed class Report
    {
        public Alliance Alliance { get; } = new();
        public EvaluationForm Form { get; } = new() { ProjectId = 7, ReportingPeriodId = Alliance.First.Id };
        public ExpectedResults? Targets { get; set; } = Submitted(ExpectedResultsTests.Complete());
        public List<InvalidEntry> Invalid { get; } = [];

        public Report()
        {
            foreach (var target in ExpectedTargets.All)
            {
                target.Set(Targets!, 0);
            }
            var company = Alliance.Member(m => m.CompanyName = "甲公司");
            Alliance.Income(i => i.MemberId = company.Id);
            foreach (var item in FormItems.Evaluation.Where(i => i.HasNarrative))
            {
                Form.Write(item.Number, $"第 {item.Number} 項達成狀況", null);
            }
            (Form.NewHires, Form.DerivedOutputValue, Form.TalentPlaced) = (0, 0, 0);
            (Form.Undergraduates, Form.Masters, Form.Doctorals, Form.Postdocs, Form.FullTimeAssistants) = (1, 2, 0, 0, 1);
        }

        public IReadOnlyList<ChecklistItem> Check() => SubmissionChecklist.Check(ChecklistInputs.ForEvaluation(new EvaluationChecklistSource(
            Form, Alliance.PeriodReport(Alliance.First), Alliance.CumulativeThrough(Alliance.First), Alliance.Entries, Targets, Invalid)));

        private static ExpectedResults Submitted(ExpectedResults form)
        {
            form.State = FormState.Submitted;
            return form;
        }
    }

    [Fact]
    public void ACompleteEvaluationWithEveryEntryCountedPasses() => Assert.Empty(new Report().Check());

    [Theory]
    [InlineData(null, true)]
    [InlineData(FormState.Draft, true)]
    [InlineData(FormState.Returned, true)]
    [InlineData(FormState.Submitted, false)]
    [InlineData(FormState.Accepted, false)]
    public void TheExpectedResultsMustHaveBeenSubmitted(FormState? state, bool blocked)
    {
        var report = new Report();
        if (state is { } value)
        {
            report.Targets!.State = value;
        }
        else
        {
            report.Targets = null;
        }
        Assert.Equal(blocked, report.Check().Any(i => i.Link.Form == FormKind.ExpectedResults));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(8)]
    public void EveryKpiItemNeedsItsNarrative(int item)
    {
        var report = new Report();
        report.Form.Write(item, null, null);
        var blocking = Assert.Single(report.Check());
        Assert.Equal((ChecklistSeverity.Blocking, $"請填寫「{item}. 計畫執行達成狀況/其它」。", $"item{item}.narrative"),
            (blocking.Severity, blocking.Message, blocking.Link.Field));
    }

    [Fact]
    public void ItemNineMayStayWithoutANarrative()
    {
        var report = new Report();
        report.Form.Write(9, null, null);
        Assert.Empty(report.Check());
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void ItemEightMayHoldAThousandCharacters(int length, bool blocked)
    {
        var report = new Report();
        report.Form.Write(8, new string('聘', length), null);
        Assert.Equal(blocked, report.Check().Any(i => i.Link.Field == "item8.narrative"));
    }

    [Theory]
    [InlineData("newHires", "請填寫「聯盟會員新聘人員」（無則填 0）。")]
    [InlineData("derivedOutputValue", "請填寫「聯盟會員衍生產值」（無則填 0）。")]
    [InlineData("talentPlaced", "請填寫「培育人才至聯盟廠商會員公司就職」（無則填 0）。")]
    [InlineData("masters", "請填寫「碩士」（無則填 0）。")]
    public void ItemEightsFiguresAndItemTensCountsAreRequired(string name, string message)
    {
        var report = new Report();
        typeof(EvaluationForm).GetProperty(char.ToUpperInvariant(name[0]) + name[1..])!.SetValue(report.Form, null);
        Assert.Equal(message, Assert.Single(report.Check()).Message);
    }

    [Fact]
    public void ADerivedOutputValueNeedsItsCalculationMethodAndShouldHaveASupportingFile()
    {
        var report = new Report();
        report.Form.DerivedOutputValue = 2_000_000;
        var items = report.Check();
        Assert.Equal([(ChecklistSeverity.Blocking, "item8.derivedOutputMethod"), (ChecklistSeverity.Warning, "item8.attachment")],
            items.Select(i => (i.Severity, i.Link.Field)));
        report.Form.DerivedOutputMethod = "會員營收增加額 × 10%";
        report.Form.Item(8).AttachmentId = 91;
        Assert.Empty(report.Check());
    }

    [Fact]
    public void TalentPlacedNeedsTheCompanyNames()
    {
        var report = new Report();
        report.Form.TalentPlaced = 2;
        Assert.Equal("item8.talentCompanies", Assert.Single(report.Check()).Link.Field);
        report.Form.TalentCompanies = "甲公司\n乙公司";
        Assert.Empty(report.Check());
    }

    [Fact]
    public void EntriesOfThePeriodTheEngineDoesNotCountAreWarningsNamedAndLinked()
    {
        var report = new Report();
        var late = report.Alliance.Member(m => (m.CompanyName, m.ContractEnd) = ("丁公司", new DateOnly(2021, 9, 30)));
        report.Alliance.Member(m => (m.CompanyName, m.ContractEnd) = ("戊公司", new DateOnly(2021, 9, 30)), Alliance.Second);
        var warning = Assert.Single(report.Check());
        Assert.Equal((ChecklistSeverity.Warning, ChecklistLink.ToEntry(EntryKind.Member, late.Id)), (warning.Severity, warning.Link));
        Assert.StartsWith("招募聯盟會員「丁公司」不列入 KPI：契約截止日 2021/09/30 未跨管考截止日 2021/10/31", warning.Message);
    }

    [Fact]
    public void AnEntryCountedOnlyInPartIsAWarningToo()
    {
        var report = new Report();
        report.Alliance.Income(i => (i.MembershipFee, i.OtherIncome, i.OtherIncomeNature) = (10, 5, OtherIncomeNature.SchoolIncentive));
        Assert.StartsWith("聯盟營運收入「2021/05/01」部分不列入 KPI：", Assert.Single(report.Check()).Message);
    }

    [Fact]
    public void InvalidEntriesGivenByTheWebLayerBlock()
    {
        var report = new Report();
        report.Invalid.Add(new InvalidEntry(EntryKind.Member, 100, "甲公司", ["請上傳會員契約"]));
        Assert.Equal(ChecklistSeverity.Blocking, Assert.Single(report.Check()).Severity);
    }

    [Fact]
    public void AFigureBelowItsTargetAsksForADifferenceAnalysisUntilOneIsWritten()
    {
        var report = new Report();
        report.Targets!.CompanyMembers = 10;
        report.Targets.Masters = 4;
        var items = report.Check();
        Assert.Equal(
        [
            "1. 聯盟廠商會員家數達成率未達 100%（聯盟廠商會員家數(家) 10.0%），請填寫簡要差異分析。",
            "10. 計畫核定研究生人數達成率未達 100%（碩士 50.0%），請填寫簡要差異分析。",
        ], items.Select(i => i.Message));
        report.Form.Write(1, "第 1 項達成狀況", "多家廠商仍在洽談");
        report.Form.Write(10, null, "碩士生延後入學");
        Assert.Empty(report.Check());
    }

    [Fact]
    public void TheCumulativeFigureIsWhatMeetsTheTarget()
    {
        var report = new Report();
        report.Targets!.CompanyMembers = 2;
        var second = new EvaluationForm { ProjectId = 7, ReportingPeriodId = Alliance.Second.Id };
        report.Alliance.Member(m => m.CompanyName = "己公司", Alliance.Second);
        var input = ChecklistInputs.ForEvaluation(new EvaluationChecklistSource(second, report.Alliance.PeriodReport(Alliance.Second),
            report.Alliance.CumulativeThrough(Alliance.Second), report.Alliance.Entries, report.Targets));
        Assert.Equal(100m, input.Progress.Single(p => p.Item == 1).Measures[0].Rate);
    }
}
