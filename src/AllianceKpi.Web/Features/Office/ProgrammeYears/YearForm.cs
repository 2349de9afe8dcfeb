using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Web.Features.Office.ProgrammeYears;

/// <summary>A programme year's settings as typed: dates stay text so that a wrong one is shown back as it was typed.</summary>
public sealed class YearForm
{
    private const string DateRequired = "請輸入日期。";

    public Guid Version { get; set; }

    [Display(Name = "年度（西元）")]
    [Required(ErrorMessage = "請輸入年度。")]
    [RegularExpression(@"^\s*\d{4}\s*$", ErrorMessage = "年度請輸入四位數的西元年，例如 2021。")]
    public string? Year { get; set; }

    [Display(Name = "計畫執行期間：開始")]
    [Required(ErrorMessage = DateRequired), DateText]
    public string? ProjectStart { get; set; }

    [Display(Name = "計畫執行期間：結束")]
    [Required(ErrorMessage = DateRequired), DateText]
    public string? ProjectEnd { get; set; }

    [Display(Name = "營運收入會計核定日期：開始")]
    [Required(ErrorMessage = DateRequired), DateText]
    public string? IncomeStart { get; set; }

    [Display(Name = "營運收入會計核定日期：結束")]
    [Required(ErrorMessage = DateRequired), DateText]
    public string? IncomeEnd { get; set; }

    [Display(Name = "產學合作計畫起始日期：開始")]
    [Required(ErrorMessage = DateRequired), DateText]
    public string? CooperationStart { get; set; }

    [Display(Name = "產學合作計畫起始日期：結束")]
    [Required(ErrorMessage = DateRequired), DateText]
    public string? CooperationEnd { get; set; }

    [Display(Name = "管考截止日")]
    [Required(ErrorMessage = DateRequired), DateText]
    public string? MemberCutoff { get; set; }

    private int ParsedYear() => int.Parse(Year!.Trim(), CultureInfo.InvariantCulture);

    public static YearForm From(ProgrammeYear year) => new()
    {
        Version = year.Version,
        Year = year.Year.ToString(CultureInfo.InvariantCulture),
        ProjectStart = DateFormat.Show(year.ProjectStart),
        ProjectEnd = DateFormat.Show(year.ProjectEnd),
        IncomeStart = DateFormat.Show(year.IncomeStart),
        IncomeEnd = DateFormat.Show(year.IncomeEnd),
        CooperationStart = DateFormat.Show(year.CooperationStart),
        CooperationEnd = DateFormat.Show(year.CooperationEnd),
        MemberCutoff = DateFormat.Show(year.MemberCutoff),
    };

    /// <summary>Copies a form that passed its shape checks onto the entity.</summary>
    public void ApplyTo(ProgrammeYear year)
    {
        year.Year = ParsedYear();
        year.ProjectStart = DateTextAttribute.Day(ProjectStart);
        year.ProjectEnd = DateTextAttribute.Day(ProjectEnd);
        year.IncomeStart = DateTextAttribute.Day(IncomeStart);
        year.IncomeEnd = DateTextAttribute.Day(IncomeEnd);
        year.CooperationStart = DateTextAttribute.Day(CooperationStart);
        year.CooperationEnd = DateTextAttribute.Day(CooperationEnd);
        year.MemberCutoff = DateTextAttribute.Day(MemberCutoff);
    }
}
