using System.Globalization;
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

    /// <summary>Posted as text so that a value not on the list gets a clear message rather than a binding error.</summary>
    [Display(Name = "年度")]
    [Required(ErrorMessage = "請選擇年度。")]
    public string? Year { get; set; }

    [Display(Name = "計畫狀態")]
    [Required(ErrorMessage = "請選擇計畫狀態。")]
    public string? Status { get; set; }

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

    [Required(ErrorMessage = "頁面資料不完整，請重新載入頁面後再修改。")]
    public Guid? Version { get; set; }

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

    public int? ParsedYear() => int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    public ProjectStatus? ParsedStatus() =>
        Enum.TryParse<ProjectStatus>(Status, out var status) && Enum.IsDefined(status) && !int.TryParse(Status, out _) ? status : null;

    public static ProjectEditForm From(Project project) => new()
    {
        Number = project.Number,
        Name = project.Name,
        Year = project.Year.ToString(CultureInfo.InvariantCulture),
        Status = project.Status.ToString(),
        PrincipalInvestigatorName = project.PrincipalInvestigatorName,
        School = project.School,
        Department = project.Department,
        Version = project.Version,
    };

    public void ApplyTo(Project project)
    {
        project.Number = Number.Trim();
        project.Name = Name.Trim();
        project.Year = ParsedYear() ?? throw new InvalidOperationException("The year is checked before the form is applied.");
        project.Status = ParsedStatus() ?? throw new InvalidOperationException("The status is checked before the form is applied.");
        project.PrincipalInvestigatorName = PrincipalInvestigatorName.Trim();
        project.School = School.Trim();
        project.Department = Department.Trim();
    }
}
