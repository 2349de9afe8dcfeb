using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Workflow;

namespace AllianceKpi.Domain.Tests.Workflow;

/// <summary>送出前檢查 from values: every blocking and warning case, and their order.</summary>
public sealed class SubmissionChecklistTests
{
    private static SubmissionChecklistInput Evaluation => new() { Kind = FormKind.Evaluation };

    private static FormTextField Narrative(string? text, int limit = 500, bool required = true) =>
        new("item1.narrative", "1. 計畫執行達成狀況/其它", text, limit, required);

    [Fact]
    public void NothingToReportGivesAnEmptyList() => Assert.Empty(SubmissionChecklist.Check(Evaluation));

    [Fact]
    public void AnEvaluationBeforeTheExpectedResultsWereSubmittedIsBlocked()
    {
        var item = Assert.Single(SubmissionChecklist.Check(Evaluation with { ExpectedResultsSubmitted = false }));
        Assert.Equal(ChecklistSeverity.Blocking, item.Severity);
        Assert.Equal("本年度預期成果尚未確定送出：請先由計畫主持人送出預期成果，再送出管考資料。", item.Message);
        Assert.Equal(ChecklistLink.ToForm(FormKind.ExpectedResults), item.Link);
    }

    [Fact]
    public void TheExpectedResultsFormDoesNotWaitForItself() =>
        Assert.Empty(SubmissionChecklist.Check(new SubmissionChecklistInput { Kind = FormKind.ExpectedResults, ExpectedResultsSubmitted = false }));

    /// <summary>text, limit, required, the blocking message (null: fine).</summary>
    public static TheoryData<string?, int, bool, string?> Texts => new()
    {
        { null, 500, true, "請填寫「1. 計畫執行達成狀況/其它」。" },
        { "", 500, true, "請填寫「1. 計畫執行達成狀況/其它」。" },
        { " \r\n\u3000", 500, true, "請填寫「1. 計畫執行達成狀況/其它」。" },
        { null, 500, false, null },
        { "  ", 500, false, null },
        { "達成", 500, true, null },
        { new string('字', 500), 500, true, null },
        { new string('字', 501), 500, true, "「1. 計畫執行達成狀況/其它」字數限制500字元，目前501字，超過1字。" },
        { new string('字', 501), 500, false, "「1. 計畫執行達成狀況/其它」字數限制500字元，目前501字，超過1字。" },
        { new string('字', 1000), 1000, true, null },
        { new string('字', 1001), 1000, true, "「1. 計畫執行達成狀況/其它」字數限制1000字元，目前1001字，超過1字。" },
        { string.Concat(Enumerable.Repeat("🇹🇼\r\n", 250)), 500, true, null },
        { string.Concat(Enumerable.Repeat("🇹🇼\r\n", 250)) + "。", 500, true, "「1. 計畫執行達成狀況/其它」字數限制500字元，目前501字，超過1字。" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void RequiredTextsMustBeWrittenAndEveryTextKeepsToItsLimit(string? text, int limit, bool required, string? message)
    {
        var items = SubmissionChecklist.Check(Evaluation with { Texts = [Narrative(text, limit, required)] });
        if (message is null)
        {
            Assert.Empty(items);
            return;
        }
        var item = Assert.Single(items);
        Assert.Equal((ChecklistSeverity.Blocking, message, ChecklistLink.ToField("item1.narrative")), (item.Severity, item.Message, item.Link));
    }

    [Fact]
    public void FormViolationsBlockAndLinkToTheirField()
    {
        var item = Assert.Single(SubmissionChecklist.Check(Evaluation with
        {
            FormViolations = [new DomainViolation("item8.newHires", "請填寫「聯盟會員新聘人員」（無則填 0）。")],
        }));
        Assert.Equal(new ChecklistItem(ChecklistSeverity.Blocking, "請填寫「聯盟會員新聘人員」（無則填 0）。", ChecklistLink.ToField("item8.newHires")), item);
    }

    [Fact]
    public void EntriesWithInvalidFieldsBlockAndLinkToTheEntry()
    {
        var item = Assert.Single(SubmissionChecklist.Check(Evaluation with
        {
            InvalidEntries = [new InvalidEntry(EntryKind.Member, 12, "甲公司", ["請輸入入會會員負責人", "請上傳會員契約"])],
        }));
        Assert.Equal(new ChecklistItem(ChecklistSeverity.Blocking, "招募聯盟會員「甲公司」資料有誤：請輸入入會會員負責人；請上傳會員契約",
            ChecklistLink.ToEntry(EntryKind.Member, 12)), item);
    }

    [Theory]
    [InlineData(false, "聯盟營運收入「2021/05/01」不列入 KPI：會計核定日期不在期間內")]
    [InlineData(true, "聯盟營運收入「2021/05/01」部分不列入 KPI：會計核定日期不在期間內")]
    public void EntriesTheEngineDoesNotCountAreWarnings(bool partly, string message)
    {
        var item = Assert.Single(SubmissionChecklist.Check(Evaluation with
        {
            NotCounted = [new NotCountedEntry(EntryKind.OperatingIncome, 5, "2021/05/01", ["會計核定日期不在期間內"], partly)],
        }));
        Assert.Equal(new ChecklistItem(ChecklistSeverity.Warning, message, ChecklistLink.ToEntry(EntryKind.OperatingIncome, 5)), item);
    }

    [Fact]
    public void OnlyVerdictsWithSomethingNotCountedBecomeEntriesToWarnAbout()
    {
        Assert.Null(NotCountedEntry.From(new Verdict(EntryKind.Member, 1, true), "甲"));
        var notCounted = NotCountedEntry.From(new Verdict(EntryKind.Member, 1, false, ["原因"]), "甲")!;
        Assert.Equal((EntryKind.Member, 1, "甲", false), (notCounted.Kind, notCounted.EntryId, notCounted.Title, notCounted.Partly));
        Assert.Equal(["原因"], notCounted.Reasons);
        Assert.True(NotCountedEntry.From(new Verdict(EntryKind.OperatingIncome, 2, true, ["其它收入不列入"]), "2021/05/01")!.Partly);
    }

    /// <summary>actual, target, 簡要差異分析, the warning (null: none).</summary>
    public static TheoryData<double, double?, string?, string?> Shortfalls => new()
    {
        { 8, 10, null, "1. 聯盟廠商會員家數達成率未達 100%（聯盟廠商會員家數(家) 80.0%），請填寫簡要差異分析。" },
        { 8, 10, "  ", "1. 聯盟廠商會員家數達成率未達 100%（聯盟廠商會員家數(家) 80.0%），請填寫簡要差異分析。" },
        { 9.999, 10, null, "1. 聯盟廠商會員家數達成率未達 100%（聯盟廠商會員家數(家) 100.0%），請填寫簡要差異分析。" },
        { 0, 10, null, "1. 聯盟廠商會員家數達成率未達 100%（聯盟廠商會員家數(家) 0.0%），請填寫簡要差異分析。" },
        { 8, 10, "兩家廠商延後簽約", null },
        { 10, 10, null, null },
        { 12, 10, null, null },
        { 0, 0, null, null },
        { 0, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Shortfalls))]
    public void AnItemBelowItsTargetWithoutADifferenceAnalysisIsAWarning(double actual, double? target, string? analysis, string? warning)
    {
        var progress = new ItemProgress(1, "聯盟廠商會員家數", "item1.differenceAnalysis", analysis,
            [new MeasureProgress("聯盟廠商會員家數(家)", (decimal)actual, (decimal?)target)]);
        var items = SubmissionChecklist.Check(Evaluation with { Progress = [progress] });
        Assert.Equal(warning, items.SingleOrDefault()?.Message);
        Assert.All(items, i => Assert.Equal((ChecklistSeverity.Warning, ChecklistLink.ToField("item1.differenceAnalysis")), (i.Severity, i.Link)));
    }

    [Fact]
    public void EveryMeasureBelowItsTargetIsNamedInOneWarning()
    {
        var progress = new ItemProgress(5, "對聯盟會員之服務或輔導規劃", "item5.differenceAnalysis", null,
        [
            new("舉辦技術研討會(場)", 1, 2), new("技術研討會參與(人)", 80, 60), new("專業諮詢服務(次)", 0, 4),
        ]);
        Assert.Equal("5. 對聯盟會員之服務或輔導規劃達成率未達 100%（舉辦技術研討會(場) 50.0%、專業諮詢服務(次) 0.0%），請填寫簡要差異分析。",
            Assert.Single(SubmissionChecklist.Check(Evaluation with { Progress = [progress] })).Message);
    }

    [Fact]
    public void BlockingItemsComeFirstInTheFormsOrderThenWarnings()
    {
        var input = Evaluation with
        {
            ExpectedResultsSubmitted = false,
            Texts = [Narrative(null), new FormTextField("item10.differenceAnalysis", "10. 簡要差異分析", new string('字', 501), 500)],
            FormViolations = [new DomainViolation("item10.masters", "請填寫「碩士」（無則填 0）。"), new DomainViolation("item2.x", "二")],
            FormWarnings = [new DomainViolation("item8.attachment", "附件")],
            InvalidEntries = [new InvalidEntry(EntryKind.DerivedResult, 3, "新產品", ["缺日期"]), new InvalidEntry(EntryKind.Member, 9, "甲", ["缺電話"])],
            NotCounted = [new NotCountedEntry(EntryKind.TechTransfer, 4, "技轉", ["不在期間"]), new NotCountedEntry(EntryKind.Member, 8, "乙", ["契約"])],
            Progress = [new ItemProgress(2, "聯盟推廣活動", "item2.differenceAnalysis", null, [new("場", 1, 2)])],
        };
        var items = SubmissionChecklist.Check(input);
        Assert.Equal(
        [
            "expected-results", "item1.narrative", "item2.x", "item10.differenceAnalysis", "item10.masters", "Member 9", "DerivedResult 3",
            "item8.attachment", "Member 8", "TechTransfer 4", "item2.differenceAnalysis",
        ], items.Select(i => i.Link switch
        {
            { Form: not null } => "expected-results",
            { Field: { } field } => field,
            var link => $"{link.EntryKind} {link.EntryId}",
        }));
        Assert.Equal(7, SubmissionChecklist.BlockingCount(items));
        Assert.Equal(7, items.TakeWhile(i => i.Severity == ChecklistSeverity.Blocking).Count());
    }

    [Fact]
    public void TheBlockingCountStopsTheWorkflowsSubmit()
    {
        var items = SubmissionChecklist.Check(Evaluation with { Texts = [Narrative(null)] });
        var context = new WorkflowContext(FormState.Draft, Actor.Pi, Given.MidYear, Given.Window(), SubmissionChecklist.BlockingCount(items));
        Assert.Equal("送出前檢查尚有 1 項須修正，請修正後再確定送出。", FormWorkflow.Decide(context, WorkflowRequest.Submit).Refusal!.Message);
    }
}
