using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Domain.Reference;

namespace AllianceKpi.Benchmarks;

/// <summary>
/// A large made-up alliance of programme year 2021: 2,000 members, 3,000 incomes, 1,000 each of cooperation projects,
/// tech transfers, member services, promotion activities and derived results (10,000 entries), spread over the
/// three reports, with a realistic share of entries that do not count (expired contracts, other members, windows missed).
/// The same seed always gives the same alliance.
/// </summary>
public static class SyntheticAlliance
{
    public static readonly ProgrammeYear Year = ProgrammeYear.WithStandardWindows(2021);

    public static readonly IReadOnlyList<ReportingPeriod> Periods =
    [
        Period(1, ReportingPeriodKind.ExpectedResults),
        Period(2, ReportingPeriodKind.FirstReport),
        Period(3, ReportingPeriodKind.SecondReport),
        Period(4, ReportingPeriodKind.FinalReport),
    ];

    private static readonly MemberType[] Types =
    [
        MemberType.Company, MemberType.Company, MemberType.Company, MemberType.Company, MemberType.Company,
        MemberType.Company, MemberType.Association, MemberType.Individual, MemberType.ResearchInstitute, MemberType.MainlandChinaCompany,
    ];

    public static KpiEntries Build(int seed = 2021)
    {
        var random = new Random(seed);
        var members = Members(random, 2000);
        return new KpiEntries
        {
            Members = members,
            Incomes = Many(3000, 10_000, i => new OperatingIncome
            {
                MemberId = members[random.Next(members.Count)].Id, MembershipFee = random.Next(0, 50),
                TechnicalServiceFee = random.Next(0, 80), OtherIncome = random.Next(0, 30),
                OtherIncomeNature = i % 15 == 0 ? OtherIncomeNature.SchoolIncentive : OtherIncomeNature.Ordinary,
                AccountingDate = Day(random, -20, 400),
            }, random),
            CooperationProjects = Many(1000, 20_000, i => new CooperationProject
            {
                Name = $"產學合作{i}", MemberId = i % 10 == 0 ? null : members[random.Next(members.Count)].Id,
                CounterpartyName = i % 10 == 0 ? $"非會員{i}" : null, Budget = random.Next(100, 3000),
                BudgetBasis = i % 4 == 0 ? BudgetBasis.ReceivedThisYear : BudgetBasis.Total, ReceiptIncluded = i % 8 != 0,
                StartDate = Day(random, -10, 390), EndDate = Day(random, 200, 700), SignedByPrincipalInvestigator = i % 20 != 0,
            }, random),
            TechTransfers = Many(1000, 30_000, i => new TechTransfer
            {
                Name = $"技轉{i}", MemberId = i % 3 == 0 ? null : members[random.Next(members.Count)].Id,
                CounterpartyName = i % 3 == 0 ? $"技轉廠商{i}" : null, Amount = random.Next(50, 1500), SignedOn = Day(random, -10, 400),
            }, random),
            MemberServices = Many(1000, 40_000, i => new MemberService
            {
                Kind = (MemberServiceKind)(1 + (i % 3)), Date = Day(random, 0, 390), Title = $"服務{i}",
                CompanyAttendees = random.Next(0, 60), CompaniesServed = random.Next(0, 20),
            }, random),
            PromotionActivities = Many(1000, 50_000, i => new PromotionActivity
            {
                Name = $"推廣活動{i}", Date = Day(random, -5, 395), Place = "臺南", Participants = random.Next(5, 200),
            }, random),
            DerivedResults = Many(1000, 60_000, i => new DerivedResult
            {
                Kind = (DerivedResultKind)(1 + (i % 4)), MemberId = i % 12 == 0 ? null : members[random.Next(members.Count)].Id,
                Title = $"成果{i}", Date = Day(random, 0, 395), PatentNumber = i % 8 == 3 ? null : $"I7{i:00000}",
            }, random),
        };
    }

    private static List<AllianceMember> Members(Random random, int count)
    {
        var members = new List<AllianceMember>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Day(random, -400, 330);
            members.Add(new AllianceMember
            {
                Id = i + 1, ProjectId = 1, ReportingPeriodId = 2 + (i % 3), Type = Types[i % Types.Length],
                Basis = (i % 25) switch { 0 => MembershipBasis.CooperationProject, 1 => MembershipBasis.TechTransfer, _ => MembershipBasis.Contract },
                Region = i % 40 == 0 ? Region.Abroad : Region.South, CompanyName = $"會員公司{i % 1900}",
                TaxId = i % 2 == 0 ? $"{10_000_000 + i}" : null, City = "臺南市", Street = "大學路1號",
                ContractStart = start, ContractEnd = start.AddDays(random.Next(90, 900)),
                SignedByPrincipalInvestigator = i % 7 != 0, RelatedToCoreTechnology = i % 9 != 0,
            });
        }
        return members;
    }

    private static List<T> Many<T>(int count, int firstId, Func<int, T> make, Random random) where T : ProgressEntry
    {
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = make(i);
            entry.Id = firstId + i;
            entry.ProjectId = 1;
            entry.ReportingPeriodId = 2 + random.Next(3);
            list.Add(entry);
        }
        return list;
    }

    private static DateOnly Day(Random random, int fromDay, int toDay) => new DateOnly(2021, 1, 1).AddDays(random.Next(fromDay, toDay));

    private static ReportingPeriod Period(int id, ReportingPeriodKind kind) => new()
    {
        Id = id, ProgrammeYearId = 1, Kind = kind, Name = ReportingPeriod.StandardName(2021, kind),
        Deadline = ReportingPeriod.StandardDeadline(2021, kind), State = ReportingPeriodState.Open,
    };
}
