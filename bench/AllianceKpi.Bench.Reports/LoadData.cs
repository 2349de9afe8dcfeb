using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Bench.Reports;

/// <summary>One load user: its account and its own alliance (50 members in the open report period, unless told otherwise).</summary>
public sealed record LoadUser(string Email, int ProjectId, IReadOnlyList<int> MemberIds);

/// <summary>
/// Accounts and alliances for the load mode, written straight into the portal's database: user <c>load{i}@bench.tw</c> is the
/// 計畫主持人 of its own alliance of 50 members and a member of one shared submitted alliance (for the cached summary PDF).
/// Shared with tests/AllianceKpi.Web.Tests (linked there: ScaleOut/LoadSmokeTests, the short form of the load run).
/// </summary>
public static class LoadData
{
    public const string Password = "Bench2021!";

    public static async Task<int> PeriodAsync(SyntheticData data, ReportingPeriodKind kind)
    {
        await using var db = data.OpenContext();
        return await db.ReportingPeriods.Where(p => p.ProgrammeYear!.Year == 2021 && p.Kind == kind).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Users <c>load001@bench.tw</c>… (<paramref name="count"/> of them), each with an alliance of <paramref name="members"/> members.</summary>
    public static async Task<List<LoadUser>> UsersAsync(SyntheticData data, int count, int openPeriod, int sharedProject, int members = 50)
    {
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password); // one hash for all: PBKDF2 is slow on purpose
        var users = new List<LoadUser>();
        for (var i = 1; i <= count; i++)
        {
            await using var db = data.OpenContext();
            var email = $"load{i:000}@bench.tw";
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
                DisplayName = $"負載測試{i}", School = "成功大學", Department = "機械系", PhoneNumber = "06-2757575", BackupEmail = email,
                CreatedAt = DateTime.UtcNow,
            };
            db.Users.Add(user);
            var project = await SyntheticData.AllianceWithMembersAsync(db, $"2021LOAD{i:000}", openPeriod, members);
            db.ProjectMembers.Add(new ProjectMember { ProjectId = project.Id, UserId = user.Id, Role = ProjectRole.PrincipalInvestigator, AddedAt = DateTime.UtcNow });
            db.ProjectMembers.Add(new ProjectMember { ProjectId = sharedProject, UserId = user.Id, Role = ProjectRole.Assistant, AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            users.Add(new LoadUser(email, project.Id, await db.AllianceMembers.Where(m => m.ProjectId == project.Id).Select(m => m.Id).ToListAsync()));
        }
        return users;
    }
}
