using AllianceKpi.Domain.Text;
using AllianceKpi.Domain.Workflow;
using static AllianceKpi.Domain.Tests.Workflow.Given;

namespace AllianceKpi.Domain.Tests.Workflow;

/// <summary>The office's reasons and 展延期限, and what a decision writes to the form.</summary>
public sealed class FormWorkflowReviewTests
{
    public static TheoryData<string?> BlankReasons => new() { null, "", "   ", "\r\n\t", "\u3000" };

    [Theory]
    [MemberData(nameof(BlankReasons))]
    public void AReturnNeedsAReason(string? reason) =>
        AssertRefused(FormWorkflow.Decide(Context(FormState.Submitted, Actor.Office), WorkflowRequest.Return(reason)),
            WorkflowFields.Reason, "請填寫退回原因。");

    [Theory]
    [MemberData(nameof(BlankReasons))]
    public void AReopeningNeedsAReason(string? reason) =>
        AssertRefused(FormWorkflow.Decide(Context(FormState.Accepted, Actor.Office), WorkflowRequest.Reopen(reason)),
            WorkflowFields.Reason, "請填寫退回原因。");

    [Theory]
    [InlineData(FormAction.Return, FormState.Submitted)]
    [InlineData(FormAction.Reopen, FormState.Accepted)]
    public void AReasonOfExactlyFiveHundredCharactersIsTakenAndOneMoreIsNot(FormAction action, FormState from)
    {
        var context = Context(from, Actor.Office);
        var fits = new string('請', 499) + "👨‍👩‍👧‍👦";
        Assert.True(FormWorkflow.Decide(context, new WorkflowRequest(action, fits)).Allowed);
        AssertRefused(FormWorkflow.Decide(context, new WorkflowRequest(action, fits + "。")), WorkflowFields.Reason,
            "「退回原因」字數限制500字元，目前501字，超過1字。");
    }

    [Fact]
    public void TheReasonIsKeptWithLineBreaksNormalisedAndEdgesTrimmed()
    {
        var decision = FormWorkflow.Decide(Context(FormState.Submitted, Actor.Office),
            WorkflowRequest.Return("  1. 附件缺少會計核章\r\n2. 合約日期有誤\r\n"));
        Assert.Equal("1. 附件缺少會計核章\n2. 合約日期有誤", decision.ReturnReason);
    }

    [Theory]
    [InlineData(FormAction.Return, FormState.Submitted)]
    [InlineData(FormAction.Reopen, FormState.Submitted)]
    [InlineData(FormAction.Reopen, FormState.Accepted)]
    public void AfterTheDeadlineAReturnMustGiveTheProjectTimeToRevise(FormAction action, FormState from)
    {
        var context = Context(from, Actor.Office, Day("2021/11/05"));
        AssertRefused(FormWorkflow.Decide(context, new WorkflowRequest(action, "請補件")), WorkflowFields.ExtendUntil,
            "繳交期限 2021/10/31 已過，退回時請一併指定展延期限，計畫才能修改並再次送出。");
        var decision = FormWorkflow.Decide(context, new WorkflowRequest(action, "請補件", Day("2021/11/20")));
        Assert.Equal((FormState.Returned, Day("2021/11/20")), (decision.State, decision.ExtendedUntil));
        Assert.False(FormWorkflow.IsLocked(decision.State, Window(decision.ExtendedUntil), Day("2021/11/20")));
    }

    [Fact]
    public void BeforeTheDeadlineAReturnNeedsNoNewDate()
    {
        var decision = FormWorkflow.Decide(Context(FormState.Submitted, Actor.Office), WorkflowRequest.Return("請補件"));
        Assert.True(decision.Allowed);
        Assert.Null(decision.ExtendedUntil);
    }

    [Fact]
    public void ARunningExtensionIsEnoughForAReturnAfterTheDeadline()
    {
        var context = Context(FormState.Submitted, Actor.Office, Day("2021/11/05"), Window(Day("2021/11/15")));
        var decision = FormWorkflow.Decide(context, WorkflowRequest.Return("請補件"));
        Assert.Equal((FormState.Returned, Day("2021/11/15")), (decision.State, decision.ExtendedUntil));
    }

    /// <summary>today, the date asked, the refusal (null: granted).</summary>
    public static TheoryData<string, string?, string?> ExtensionDates => new()
    {
        { "2021/11/05", null, "請指定展延期限。" },
        { "2021/11/05", "2021/10/31", "展延期限須晚於繳交期限 2021/10/31。" },
        { "2021/06/01", "2021/10/15", "展延期限須晚於繳交期限 2021/10/31。" },
        { "2021/11/05", "2021/11/04", "展延期限不可早於今天 2021/11/05。" },
        { "2021/11/05", "2021/11/05", null },
        { "2021/11/05", "2021/12/31", null },
        { "2021/06/01", "2021/11/01", null },
    };

    [Theory]
    [MemberData(nameof(ExtensionDates))]
    public void AnExtensionRunsPastTheDeadlineAndNotIntoThePast(string today, string? until, string? refusal)
    {
        var decision = FormWorkflow.Decide(Context(FormState.Draft, Actor.Office, Day(today)),
            WorkflowRequest.GrantExtension(until is null ? null : Day(until)));
        if (refusal is null)
        {
            Assert.Equal((FormState.Draft, Day(until!)), (decision.State, decision.ExtendedUntil));
        }
        else
        {
            AssertRefused(decision, WorkflowFields.ExtendUntil, refusal);
        }
    }

    public static TheoryData<string, string, string?> ReturnDates
    {
        get
        {
            var data = new TheoryData<string, string, string?>();
            foreach (var row in ExtensionDates.Where(row => row[1] is not null))
            {
                data.Add((string)row[0], (string)row[1], (string?)row[2]);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ReturnDates))]
    public void AReturnWithADateChecksItLikeAnExtension(string today, string until, string? refusal)
    {
        var decision = FormWorkflow.Decide(Context(FormState.Submitted, Actor.Office, Day(today)),
            WorkflowRequest.Return("請補件", Day(until)));
        Assert.Equal(refusal, decision.Refusal?.Message);
    }

    [Theory]
    [InlineData(FormAction.SaveDraft, Actor.Assistant, FormState.Draft)]
    [InlineData(FormAction.Submit, Actor.Pi, FormState.Draft)]
    [InlineData(FormAction.Accept, Actor.Office, FormState.Submitted)]
    public void OnlyTheOfficesExtensionReturnAndReopenSetADate(FormAction action, Actor actor, FormState from)
    {
        var decision = FormWorkflow.Decide(Context(from, actor), new WorkflowRequest(action, "理由", Day("2022/03/01")));
        Assert.True(decision.Allowed);
        Assert.Null(decision.ExtendedUntil);
        Assert.False(decision.SetsReturnReason && decision.ReturnReason is not null);
    }

    [Fact]
    public void ANewExtensionReplacesTheEarlierOne()
    {
        var context = Context(FormState.Draft, Actor.Office, Day("2021/11/10"), Window(Day("2021/11/15")));
        var decision = FormWorkflow.Decide(context, WorkflowRequest.GrantExtension(Day("2021/11/30")));
        Assert.Equal(Day("2021/11/30"), decision.ExtendedUntil);
    }

    [Fact]
    public void SubmittingClearsTheReturnReasonAndSavingKeepsIt()
    {
        var form = new Form { State = FormState.Returned, ReturnReason = "請補件", ExtendedUntil = Day("2021/11/15") };
        var today = Day("2021/11/10");
        FormWorkflow.Decide(Context(form.State, Actor.Assistant, today, Window(form.ExtendedUntil)), WorkflowRequest.SaveDraft)
            .ApplyTo(form);
        Assert.Equal((FormState.Returned, "請補件"), (form.State, form.ReturnReason));
        FormWorkflow.Decide(Context(form.State, Actor.Pi, today, Window(form.ExtendedUntil)), WorkflowRequest.Submit).ApplyTo(form);
        Assert.Equal((FormState.Submitted, (string?)null, Day("2021/11/15")), (form.State, form.ReturnReason, form.ExtendedUntil));
    }

    [Fact]
    public void AReturnWritesItsReasonAndDateToTheForm()
    {
        var form = new Form { State = FormState.Submitted };
        FormWorkflow.Decide(Context(form.State, Actor.Office, Day("2021/11/05")),
            WorkflowRequest.Return("請補上會計核章", Day("2021/11/20"))).ApplyTo(form);
        Assert.Equal((FormState.Returned, "請補上會計核章", Day("2021/11/20")), (form.State, form.ReturnReason, form.ExtendedUntil));
    }

    [Fact]
    public void ARefusedDecisionCannotBeApplied()
    {
        var decision = FormWorkflow.Decide(Context(FormState.Draft, Actor.Assistant), WorkflowRequest.Submit);
        Assert.Throws<InvalidOperationException>(() => decision.ApplyTo(new Form()));
    }

    [Fact]
    public void TheLimitOfAReasonIsTheCountingRulesLimit() => Assert.Equal(500, TextLimits.ReturnReason);

    private static void AssertRefused(WorkflowDecision decision, string field, string message)
    {
        Assert.False(decision.Allowed);
        Assert.Equal(new(field, message), decision.Refusal);
    }
}
