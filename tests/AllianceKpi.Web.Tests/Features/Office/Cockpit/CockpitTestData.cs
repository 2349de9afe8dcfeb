using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Data;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Features.Office.Cockpit;

/// <summary>The portal on 2021/11/05 10:00 in Taiwan: the first report's deadline (2021/10/31) has passed, the second report is open.</summary>
public class CockpitClockFactory : PortalFactory
{
    public static readonly DateOnly Today = new(2021, 11, 5);

    protected override DateTimeOffset? FixedNow => new DateTimeOffset(2021, 11, 5, 2, 0, 0, TimeSpan.Zero);
}

/// <summary>The 2021 periods of the demo year by kind.</summary>
public sealed record DemoPeriods(int Expected, int First, int Second)
{
    public static async Task<DemoPeriods> ReadAsync(PortalFactory factory) => new(
        await ProgressTestData.PeriodIdAsync(factory, ReportingPeriodKind.ExpectedResults),
        await ProgressTestData.PeriodIdAsync(factory, ReportingPeriodKind.FirstReport),
        await ProgressTestData.PeriodIdAsync(factory, ReportingPeriodKind.SecondReport));
}

/// <summary>Projects of the 2021 year with entries, targets and forms arranged directly in the database.</summary>
public static class CockpitTestData
{
    public static string NewNumber(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    public static async Task<Project> ProjectAsync(PortalFactory factory, string prefix = "CK")
    {
        var number = NewNumber(prefix);
        var project = new Project
        {
            Number = number, Name = $"儀表板測試計畫{number}", Year = DemoSeeder.Year, PrincipalInvestigatorName = "周主持",
            School = "中興大學", Department = "電機系",
            Alliance = new AllianceProfile { AllianceName = $"儀表板測試聯盟{number}", PrimaryIndustryCode = "C26" },
        };
        await factory.WithDbAsync(db => db.Projects.Add(project).Context.SaveChangesAsync());
        return project;
    }

    /// <summary>
    /// A member, its income, a cooperation, a transfer, a service, an activity, a visit and a patent in the first report, a second
    /// member in the second report, and (with <paramref name="scale"/> &gt; 1) more of each; every kind varies with the scale.
    /// </summary>
    public static Task FillAsync(PortalFactory factory, int projectId, DemoPeriods periods, int scale = 1) =>
        factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < scale; i++)
            {
                var member = ProgressEntryTestData.Member(projectId, periods.First);
                member.CompanyName = $"測試精密{projectId}-{i}股份有限公司";
                member.TaxId = null;
                db.AllianceMembers.Add(member);
                await db.SaveChangesAsync();
                db.AddRange(
                    ProgressEntryTestData.Income(projectId, periods.First, member.Id),
                    ProgressEntryTestData.Cooperation(projectId, periods.First, member.Id),
                    ProgressEntryTestData.Transfer(projectId, periods.First),
                    ProgressEntryTestData.Service(projectId, periods.First, member.Id),
                    ProgressEntryTestData.Activity(projectId, periods.First),
                    ProgressEntryTestData.Visit(projectId, periods.Second),
                    ProgressEntryTestData.Patent(projectId, periods.Second, member.Id));
                var second = ProgressEntryTestData.Member(projectId, periods.Second);
                second.CompanyName = $"第二次會員{projectId}-{i}有限公司";
                second.TaxId = null;
                db.AllianceMembers.Add(second);
            }
            await db.SaveChangesAsync();
        });

    public static Task TargetsAsync(PortalFactory factory, int projectId, FormState state = FormState.Submitted) =>
        factory.WithDbAsync(async db =>
        {
            db.ExpectedResults.Add(new Domain.Forms.ExpectedResults
            {
                ProjectId = projectId, Year = DemoSeeder.Year, State = state, CompanyMembers = 4, PromotionEvents = 2, PromotionPeople = 100,
                MembershipFeeIncome = 50, TechnicalServiceIncome = 20, OtherIncome = 5, CooperationCount = 2, CooperationAmount = 1000,
                TechTransferAmount = 300, SiteVisits = 3, PatentsGranted = 1,
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });

    public static Task FormAsync(PortalFactory factory, int projectId, int periodId, FormState state, DateOnly? extendedUntil = null) =>
        factory.WithDbAsync(async db =>
        {
            db.EvaluationForms.Add(new EvaluationForm { ProjectId = projectId, ReportingPeriodId = periodId, State = state, ExtendedUntil = extendedUntil });
            await db.SaveChangesAsync();
        });

    public static Task AddAsync(PortalFactory factory, params ProgressEntry[] entries) =>
        factory.WithDbAsync(async db =>
        {
            db.AddRange(entries);
            await db.SaveChangesAsync();
        });

    public static Task<int> ProjectIdAsync(PortalFactory factory, string number) =>
        factory.WithDbAsync(db => db.Projects.Where(p => p.Number == number).Select(p => p.Id).SingleAsync());
}
