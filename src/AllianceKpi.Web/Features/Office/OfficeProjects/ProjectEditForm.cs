using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Projects;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace AllianceKpi.Web.Features.Office.OfficeProjects;

/// <summary>The office's edit form of a project's own data (the alliance profile is the PI's).</summary>
public sealed class ProjectEditForm
{
    [Display(Name = "計畫編號")]
    [Required(ErrorMessage = "請輸入計畫編號。")]
    [StringLength(50, ErrorMessage = "計畫編號最多 50 個字。")]
    public string Number { get; set; } = "";

    [Display(Name = "計畫名稱")]
    [Required(ErrorMessage = "請輸入計畫名稱。")]
    [StringLength(200, ErrorMessage = "計畫名稱最多 200 個字。")]
    public string Name { get; set; } = "";

    [Display(Name = "年度")]
    [Required(ErrorMessage = "請選擇年度。")]
    public int? Year { get; set; }

    [Display(Name = "計畫狀態")]
    [Required(ErrorMessage = "請選擇計畫狀態。")]
    public ProjectStatus? Status { get; set; }

    [Display(Name = "主持人姓名")]
    [Required(ErrorMessage = "請輸入主持人姓名。")]
    [StringLength(100, ErrorMessage = "主持人姓名最多 100 個字。")]
    public string PrincipalInvestigatorName { get; set; } = "";

    [Display(Name = "學校")]
    [Required(ErrorMessage = "請輸入學校。")]
    [StringLength(100, ErrorMessage = "學校最多 100 個字。")]
    public string School { get; set; } = "";

    [Display(Name = "系所")]
    [Required(ErrorMessage = "請輸入系所。")]
    [StringLength(100, ErrorMessage = "系所最多 100 個字。")]
    public string Department { get; set; } = "";

    public Guid Version { get; set; }

    // Shown, not bound: refilled by the handler on every display.
    [BindNever]
    public int ProjectId { get; set; }

    [BindNever]
    public string? AllianceName { get; set; }

    [BindNever]
    public PiAccount? PiAccount { get; set; }

    [BindNever]
    public IReadOnlyList<SelectListItem> YearChoices { get; set; } = [];

    [BindNever]
    public IReadOnlyList<SelectListItem> StatusChoices { get; set; } = [];

    public static ProjectEditForm From(Project project) => new()
    {
        Number = project.Number,
        Name = project.Name,
        Year = project.Year,
        Status = project.Status,
        PrincipalInvestigatorName = project.PrincipalInvestigatorName,
        School = project.School,
        Department = project.Department,
        Version = project.Version,
    };

    public void ApplyTo(Project project)
    {
        project.Number = Number.Trim();
        project.Name = Name.Trim();
        project.Year = Year!.Value;
        project.Status = Status!.Value;
        project.PrincipalInvestigatorName = PrincipalInvestigatorName.Trim();
        project.School = School.Trim();
        project.Department = Department.Trim();
    }
}
