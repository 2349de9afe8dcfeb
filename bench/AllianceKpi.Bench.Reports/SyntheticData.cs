using System.Security.Cryptography;
using System.Text;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Domain.Reference;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Bench.Reports;

/// <summary>Synthetic alliances of programme year 2021 written straight into the portal's database (after its start-up seeded it).</summary>
public sealed class SyntheticData(string connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite)
{
    private const int Year = 2021;

    public AppDbContext OpenContext() => Open();

    private AppDbContext Open() =>
        new((DbContextOptions<AppDbContext>)DatabaseSetup.Configure(new DbContextOptionsBuilder<AppDbContext>(), provider, connectionString).Options);

    public async Task<int> FirstReportPeriodAsync()
    {
        await using var db = Open();
        return await db.ReportingPeriods.Where(p => p.ProgrammeYear!.Year == Year && p.Kind == ReportingPeriodKind.FirstReport)
            .Select(p => p.Id).SingleAsync();
    }

    /// <summary>One alliance with 500 members, 200 incomes, 100 cooperation projects and 50 tech transfers, its 預期成果 submitted.</summary>
    public async Task<int> LargeAllianceAsync(string number, int periodId)
    {
        await using var db = Open();
        var project = NewProject(number);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        var members = Enumerable.Range(1, 500).Select(i => Member(project.Id, periodId, i)).ToList();
        db.AllianceMembers.AddRange(members);
        await db.SaveChangesAsync();
        for (var i = 0; i < 200; i++)
        {
            db.OperatingIncomes.Add(new OperatingIncome
            {
                ProjectId = project.Id, ReportingPeriodId = periodId, MemberId = members[i].Id, MembershipFee = 10m + i, TechnicalServiceFee = 0m,
                OtherIncome = 0m, OtherIncomeNature = OtherIncomeNature.Ordinary, AccountingDate = new DateOnly(2021, 4, 1).AddDays(i % 180),
            });
        }
        for (var i = 0; i < 100; i++)
        {
            db.CooperationProjects.Add(new CooperationProject
            {
                ProjectId = project.Id, ReportingPeriodId = periodId, MemberId = members[i].Id, Name = $"產學合作計畫第{i + 1}號",
                Budget = 100m + i, BudgetBasis = BudgetBasis.ReceivedThisYear, ReceiptIncluded = true, Source = "科技部",
                StartDate = new DateOnly(2021, 4, 1), EndDate = new DateOnly(2022, 3, 31), SignedByPrincipalInvestigator = i % 10 == 0,
            });
        }
        for (var i = 0; i < 50; i++)
        {
            db.TechTransfers.Add(new TechTransfer
            {
                ProjectId = project.Id, ReportingPeriodId = periodId, CounterpartyName = $"技轉對象公司{i + 1}", Name = $"加工技術第{i + 1}項",
                Amount = 50m + i, SignedOn = new DateOnly(2021, 5, 1).AddDays(i),
            });
        }
        db.ExpectedResults.Add(new ExpectedResults
        {
            ProjectId = project.Id, Year = Year, State = FormState.Submitted, CompanyMembers = 400, CooperationCount = 80,
            MembershipFeeIncome = 3000m, TechTransferAmount = 2000m, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return project.Id;
    }

    /// <summary>
    /// Marks the project's 管考資料 of the period as 已送出 with a submission row (as a 確定送出 made before summaries were frozen
    /// at submission: the portal freezes the summary at its first download).
    /// </summary>
    public async Task SubmitAsync(int projectId, int periodId)
    {
        await using var db = Open();
        var form = new EvaluationForm
        {
            ProjectId = projectId, ReportingPeriodId = periodId, State = FormState.Submitted, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        form.Write(1, "本期招募大量會員，並持續拓展產學合作。", null);
        db.EvaluationForms.Add(form);
        const string json = "{\"bench\":true}";
        db.FormSubmissions.Add(new FormSubmission
        {
            Kind = FormKind.Evaluation, ProjectId = projectId, ReportingPeriodId = periodId, Number = 1, SubmittedByUserId = "bench",
            SubmittedAt = DateTime.UtcNow, CanonicalJson = json, Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Projects 2021BENCH001… until the year has <paramref name="total"/> projects, each with three members and two incomes.</summary>
    public async Task ManyAlliancesAsync(int total, int periodId)
    {
        await using var db = Open();
        var existing = await db.Projects.CountAsync(p => p.Year == Year);
        for (var i = existing + 1; i <= total; i++)
        {
            var project = NewProject($"2021BENCH{i:000}");
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            var members = Enumerable.Range(1, 3).Select(m => Member(project.Id, periodId, i * 10 + m)).ToList();
            db.AllianceMembers.AddRange(members);
            await db.SaveChangesAsync();
            db.OperatingIncomes.AddRange(members.Take(2).Select(m => new OperatingIncome
            {
                ProjectId = project.Id, ReportingPeriodId = periodId, MemberId = m.Id, MembershipFee = 30m, TechnicalServiceFee = 0m, OtherIncome = 0m,
                OtherIncomeNature = OtherIncomeNature.Ordinary, AccountingDate = new DateOnly(2021, 6, 30),
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A project with <paramref name="members"/> members in the period, saved in <paramref name="db"/>.</summary>
    public static async Task<Project> AllianceWithMembersAsync(AppDbContext db, string number, int periodId, int members)
    {
        var project = NewProject(number);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        db.AllianceMembers.AddRange(Enumerable.Range(1, members).Select(i => Member(project.Id, periodId, i)));
        await db.SaveChangesAsync();
        return project;
    }

    private static Project NewProject(string number) => new()
    {
        Number = number, Name = $"基準測試計畫{number}", Year = Year, PrincipalInvestigatorName = "林大同", School = "成功大學", Department = "機械系",
        Alliance = new AllianceProfile { AllianceName = $"基準測試聯盟{number}", PrimaryIndustryCode = "C19" },
    };

    private static AllianceMember Member(int projectId, int periodId, int i) => new()
    {
        ProjectId = projectId, ReportingPeriodId = periodId, Type = MemberType.Company, Basis = MembershipBasis.Contract, IndustryCode = "C19",
        IsPaying = true, Region = Region.South, CompanyName = $"基準會員{i:0000}股份有限公司", Representative = "陳大文", City = "臺南市",
        Street = "中西區民生路1號", Phone = "06-1234567", ContractStart = new DateOnly(2021, 3, 1),
        ContractEnd = i % 7 == 0 ? new DateOnly(2021, 9, 30) : new DateOnly(2022, 3, 31), CapitalBand = "101~500萬元",
        EmployeeBand = "經常雇用員工數5~29人", InIndustrialPark = false, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };
}
