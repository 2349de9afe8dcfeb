using System.Globalization;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Projects;
using AllianceKpi.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.OfficeProjects;

/// <summary>Loads and saves a project's own data for the office, guarded by its version against lost updates.</summary>
public sealed class ProjectEditHandler(AppDbContext db)
{
    public const string Conflict = "此計畫在您編輯期間已被其他人修改，您的修改尚未儲存。請重新載入頁面確認最新資料後再修改。";

    public async Task<ProjectEditForm?> FormAsync(int projectId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }
        var form = ProjectEditForm.From(project);
        await FillAsync(form, projectId, cancellationToken);
        return form;
    }

    /// <summary>Refills what the form shows but does not post: the alliance name, the PI account and the drop-downs. False when there is no such project.</summary>
    public async Task<bool> FillAsync(ProjectEditForm form, int projectId, CancellationToken cancellationToken)
    {
        var shown = await db.Projects.Where(p => p.Id == projectId)
            .Select(p => new { AllianceName = p.Alliance!.AllianceName })
            .FirstOrDefaultAsync(cancellationToken);
        if (shown is null)
        {
            return false;
        }
        form.ProjectId = projectId;
        form.AllianceName = shown.AllianceName;
        form.PiAccount = await db.ProjectMembers
            .Where(m => m.ProjectId == projectId && m.Role == ProjectRole.PrincipalInvestigator)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new PiAccount(u.Email ?? "", u.IsIssued && u.PasswordHash == null))
            .FirstOrDefaultAsync(cancellationToken);
        var years = await db.ProgrammeYears.OrderByDescending(y => y.Year).Select(y => y.Year).ToListAsync(cancellationToken);
        form.YearChoices = years.Select(y => new SelectListItem($"{y}（民國{RocCalendar.ToRocYear(y)}年）", y.ToString(CultureInfo.InvariantCulture), y == form.ParsedYear())).ToList();
        form.StatusChoices = Enum.GetValues<ProjectStatus>().Select(s => new SelectListItem(s.Label(), s.ToString(), s == form.ParsedStatus())).ToList();
        return true;
    }

    /// <summary>Saves the form; null when the project does not exist, otherwise the violations (empty when saved).</summary>
    public async Task<IReadOnlyList<DomainViolation>?> SaveAsync(int projectId, ProjectEditForm form, CancellationToken cancellationToken)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return null;
        }
        var violations = await CheckAsync(projectId, form, cancellationToken);
        if (violations.Count > 0)
        {
            return violations;
        }
        db.Entry(project).Property(p => p.Version).OriginalValue = form.Version!.Value;
        form.ApplyTo(project);
        return await db.TrySaveAsync(cancellationToken) ? [] : [new DomainViolation("", Conflict)];
    }

    private async Task<List<DomainViolation>> CheckAsync(int projectId, ProjectEditForm form, CancellationToken cancellationToken)
    {
        var violations = new List<DomainViolation>();
        var number = form.Number.Trim();
        if (await db.Projects.AnyAsync(p => p.Id != projectId && p.Number == number, cancellationToken))
        {
            violations.Add(new(nameof(form.Number), $"計畫編號 {number} 已被其他計畫使用。"));
        }
        if (form.ParsedYear() is not { } year)
        {
            violations.Add(new(nameof(form.Year), "請從清單選擇年度。"));
        }
        else if (!await db.ProgrammeYears.AnyAsync(y => y.Year == year, cancellationToken))
        {
            violations.Add(new(nameof(form.Year), $"年度 {year} 尚未建立，請先於「年度與綜整表」新增。"));
        }
        if (form.ParsedStatus() is null)
        {
            violations.Add(new(nameof(form.Status), "請從清單選擇計畫狀態。"));
        }
        return violations;
    }
}
