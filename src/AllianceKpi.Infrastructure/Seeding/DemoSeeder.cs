using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Content;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Infrastructure.Seeding;

/// <summary>Demo data for Development: the seed's 2021 programme year, one project and four accounts. Re-running changes nothing.</summary>
public sealed class DemoSeeder(AppDbContext db, AccountSeeder accounts, TimeProvider clock)
{
    public const string Password = "Demo2021!";
    public const string AdminEmail = "admin@demo.tw";
    public const string OfficeEmail = "office@demo.tw";
    public const string PiEmail = "pi@demo.tw";
    public const string AssistantEmail = "assistant@demo.tw";
    public const string ProjectNumber = "2021ETPC_test";
    public const int Year = 2021;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await accounts.EnsureRolesAsync();
        await accounts.EnsureAccountAsync(AdminEmail, "系統管理員", Password, AppRoles.Admin);
        await accounts.EnsureAccountAsync(OfficeEmail, "計畫辦公室", Password, AppRoles.Office);
        var pi = await accounts.EnsureAccountAsync(PiEmail, "王大明", Password);
        var assistant = await accounts.EnsureAccountAsync(AssistantEmail, "林小華", Password);
        await FillProfileAsync(pi, "成功大學", "醫工所", "06-2757575#63400", "0912-345678");
        await FillProfileAsync(assistant, "成功大學", "醫工所", "06-2757575#63401", null);

        await EnsureProgrammeYearAsync(cancellationToken);
        var project = await EnsureProjectAsync(cancellationToken);
        await EnsureMemberAsync(project.Id, pi.Id, ProjectRole.PrincipalInvestigator, cancellationToken);
        await EnsureMemberAsync(project.Id, assistant.Id, ProjectRole.Assistant, cancellationToken);
        await EnsureContentAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task FillProfileAsync(AppUser user, string school, string department, string phone, string? mobile)
    {
        if (user.School is not null)
        {
            return;
        }
        user.School = school;
        user.Department = department;
        user.PhoneNumber = phone;
        user.Mobile = mobile;
        user.BackupEmail = user.Email;
        await db.SaveChangesAsync();
    }

    private async Task EnsureProgrammeYearAsync(CancellationToken cancellationToken)
    {
        if (await db.ProgrammeYears.AnyAsync(y => y.Year == Year, cancellationToken))
        {
            return;
        }
        var year = ProgrammeYear.WithStandardWindows(Year);
        year.Periods.Add(Period(ReportingPeriodKind.ExpectedResults, new DateOnly(Year, 3, 29)));
        year.Periods.Add(Period(ReportingPeriodKind.FirstReport, new DateOnly(Year, 2, 1)));
        year.Periods.Add(Period(ReportingPeriodKind.SecondReport, new DateOnly(Year, 11, 1)));
        db.ProgrammeYears.Add(year);
    }

    private static ReportingPeriod Period(ReportingPeriodKind kind, DateOnly opensOn) => new()
    {
        Kind = kind,
        Name = ReportingPeriod.StandardName(Year, kind),
        OpensOn = opensOn,
        Deadline = ReportingPeriod.StandardDeadline(Year, kind),
        State = ReportingPeriodState.Open,
    };

    private async Task<Project> EnsureProjectAsync(CancellationToken cancellationToken)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Number == ProjectNumber, cancellationToken);
        if (project is not null)
        {
            return project;
        }
        project = new Project
        {
            Number = ProjectNumber,
            Name = ProjectNumber,
            Year = Year,
            Status = ProjectStatus.Running,
            PrincipalInvestigatorName = "王大明",
            School = "成功大學",
            Department = "醫工所",
            Alliance = new AllianceProfile
            {
                AllianceName = "智慧醫材示範產學聯盟",
                Website = "https://alliance.example.tw/",
                Introduction = "結合醫學工程與精密製造，協助會員廠商開發智慧醫療器材。",
                HowToJoin = "填寫入會申請書並繳交年費，或與聯盟簽訂產學合作計畫。",
                ContactName = "林小華",
                ContactPhone = "06-2757575#63401",
                ContactEmail = AssistantEmail,
                PrimaryIndustryCode = "C20",
                SecondaryIndustryCode1 = "C27",
            },
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return project;
    }

    private async Task EnsureMemberAsync(int projectId, string userId, ProjectRole role, CancellationToken cancellationToken)
    {
        if (!await db.ProjectMembers.AnyAsync(m => m.ProjectId == projectId && m.UserId == userId, cancellationToken))
        {
            db.ProjectMembers.Add(new ProjectMember { ProjectId = projectId, UserId = userId, Role = role, AddedAt = clock.GetUtcNow().UtcDateTime });
        }
    }

    private async Task EnsureContentAsync(CancellationToken cancellationToken)
    {
        if (!await db.News.AnyAsync(cancellationToken))
        {
            db.News.AddRange(
                new NewsItem { Title = "2021科技部產學小聯盟管考平台操作說明", Body = "請各聯盟依操作說明於管考截止日前完成填報。", PublishedOn = new DateOnly(2021, 3, 29), IsPinned = true },
                new NewsItem { Title = "2020科技部產學小聯盟成果專刊", Body = "2020 年成果專刊已出版，歡迎下載參閱。", PublishedOn = new DateOnly(2020, 12, 7) },
                new NewsItem { Title = "109科技部產學小聯盟成果發表會將於11/24舉行，歡迎各界蒞臨指導！", Body = "會議日期：109/11/24(二) 10:00 ~ 12:30\n會議地點：台大醫院國際會議中心3樓 (台北市中正區徐州路2號3樓)", PublishedOn = new DateOnly(2020, 8, 6) });
        }
        if (!await db.QaEntries.AnyAsync(cancellationToken))
        {
            db.QaEntries.AddRange(
                new QaEntry { SortOrder = 1, Question = "計畫助理如何取得帳號？", Answer = "助理請先於平台註冊，再由計畫主持人於「功能設定 > 設定助理」以電子信箱搜尋並新增。" },
                new QaEntry { SortOrder = 2, Question = "哪些會員會列入聯盟廠商會員家數？", Answer = "僅「廠商」與公協會會員列入；研究型法人與大陸公司（香港、澳門除外）屬其它會員，個人會員亦不列入。會員合約須跨管考截止日。" },
                new QaEntry { SortOrder = 3, Question = "資料暫存與確定送出有何不同？", Answer = "資料暫存後仍可修改；確定送出由計畫主持人執行，送出後資料鎖定無法修改。" });
        }
    }
}
