using System.Net;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using static AllianceKpi.Web.Tests.Features.Evaluation.EvaluationTestData;

namespace AllianceKpi.Web.Tests.Features.Evaluation;

/// <summary>送出前檢查: an entry of the period whose stored fields fail its own form's checks blocks 確定送出 until it is fixed.</summary>
public sealed class EvaluationInvalidEntryTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    [Fact]
    public async Task AnImportedMemberMissingANowRequiredFieldBlocksSubmitWithALinkAndFixingItUnblocks()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        // A 廠商 member as an import (or an older version of the form) left it: no 企業規模, which the member form requires today.
        var memberId = await factory.WithDbAsync(async db =>
        {
            var member = MemberTestData.Member(projectId, periodId, "匯入缺規模公司");
            member.CapitalBand = null;
            db.AllianceMembers.Add(member);
            var complete = MemberTestData.Member(projectId, periodId, "資料齊全公司");
            db.AllianceMembers.Add(complete);
            await db.SaveChangesAsync();
            return member.Id;
        });
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var url = Url(projectId, periodId);
        var editUrl = $"/projects/{projectId}/progress/{periodId}/members/{memberId}/edit";

        var blocked = await PostAsync(pi, url, Complete().Set("Form.ConfirmWarnings", "true"), "submit");

        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var blockedPage = PortalClient.Parse(await blocked.Content.ReadAsStringAsync());
        var item = Assert.Single(blockedPage.QuerySelectorAll("[data-testid=checklist-blocking] a"));
        Assert.Equal(editUrl, item.GetAttribute("href"));
        Assert.Contains("「匯入缺規模公司」資料有誤：「廠商、產學合作」會員請選擇企業規模", item.TextContent);
        Assert.Contains("送出前檢查尚有 1 項須修正", blockedPage.QuerySelector("[data-testid=form-errors]")!.TextContent);
        Assert.Empty(await SubmissionsAsync(factory, projectId, periodId));
        var shown = await pi.GetPageAsync(url);
        Assert.Contains("匯入缺規模公司", shown.QuerySelector("[data-testid=checklist-blocking]")!.TextContent);

        var edit = await pi.GetPageAsync(editUrl);
        var fixedMember = MemberTestData.Company("匯入缺規模公司").With("Version", MemberTestData.ValueOf(edit, "Version"));
        var saved = await MemberTestData.PostAsync(pi, editUrl, fixedMember, editUrl);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var submitted = await PostAsync(pi, url, Complete().Set("Form.ConfirmWarnings", "true"), "submit");

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(FormState.Submitted, (await FormAsync(factory, projectId, periodId))!.State);
        Assert.Single(await SubmissionsAsync(factory, projectId, periodId));
    }

    [Fact]
    public async Task EntriesOfAnotherPeriodAreNotCheckedForThisPeriodsSubmit()
    {
        var projectId = await ProjectAsync(factory);
        var periodId = await PeriodAsync(factory);
        var secondId = await PeriodAsync(factory, Domain.Calendar.ReportingPeriodKind.SecondReport);
        await ExpectedResultsAsync(factory, projectId, FormState.Submitted);
        await factory.WithDbAsync(async db =>
        {
            var member = MemberTestData.Member(projectId, secondId, "第二次缺規模公司");
            member.CapitalBand = null;
            db.AllianceMembers.Add(member);
            await db.SaveChangesAsync();
        });
        using var pi = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var first = await pi.GetPageAsync(Url(projectId, periodId));
        var second = await pi.GetPageAsync(Url(projectId, secondId));

        Assert.DoesNotContain("第二次缺規模公司", first.QuerySelector("[data-testid=checklist-blocking]")?.TextContent ?? "");
        Assert.Contains("第二次缺規模公司", second.QuerySelector("[data-testid=checklist-blocking]")!.TextContent);
    }
}
