using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Infrastructure.Data.Configurations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AllianceKpi.Web.Features.Office.ReportingPeriods;

/// <summary>A reporting period as typed. <see cref="Kind"/> is chosen only when the period is added; the year is shown, never posted.</summary>
public sealed class PeriodForm
{
    private const string DateRequired = "請輸入日期。";

    public Guid Version { get; set; }

    [Display(Name = "綜整表類別")]
    public ReportingPeriodKind Kind { get; set; } = ReportingPeriodKind.ExpectedResults;

    [Display(Name = "綜整表名稱")]
    [StringLength(ReportingPeriodConfiguration.MaxNameLength, ErrorMessage = "綜整表名稱最多 100 個字。")]
    public string? Name { get; set; }

    [Display(Name = "開放填報日")]
    [Required(ErrorMessage = DateRequired), DateText]
    public string? OpensOn { get; set; }

    [Display(Name = "截止日")]
    [Required(ErrorMessage = DateRequired), DateText]
    public string? Deadline { get; set; }

    [Display(Name = "狀態")]
    public ReportingPeriodState State { get; set; } = ReportingPeriodState.Planned;

    /// <summary>The programme year's id and number, for the heading and the form's address (filled by the handler).</summary>
    [BindNever]
    public int ProgrammeYearId { get; set; }

    [BindNever]
    public int Year { get; set; }

    public static PeriodForm From(ReportingPeriod period, int year) => new()
    {
        Version = period.Version,
        Kind = period.Kind,
        Name = period.Name,
        OpensOn = DateFormat.Show(period.OpensOn),
        Deadline = DateFormat.Show(period.Deadline),
        State = period.State,
        ProgrammeYearId = period.ProgrammeYearId,
        Year = year,
    };

    /// <summary>Copies what the office may change (not the kind) from a form that passed its shape checks.</summary>
    public void ApplyTo(ReportingPeriod period)
    {
        period.Name = Name?.Trim() ?? "";
        period.OpensOn = DateTextAttribute.Day(OpensOn);
        period.Deadline = DateTextAttribute.Day(Deadline);
        period.State = State;
    }
}
