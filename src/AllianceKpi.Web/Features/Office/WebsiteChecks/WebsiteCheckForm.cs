using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Websites;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AllianceKpi.Web.Features.Office.WebsiteChecks;

/// <summary>A month typed as 2021-06 (2021/06 is accepted too). Empty passes: pair it with [Required].</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MonthTextAttribute() : ValidationAttribute(Message)
{
    public const string Message = "月份格式應為 2021-06";

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || MonthText.TryParse(text, out _);
}

/// <summary>記錄網站抽查: the office's result for one alliance and month, and the alliance it is about (display only).</summary>
public sealed class WebsiteCheckForm
{
    private string? _note;

    public Guid Version { get; set; }

    [Display(Name = "抽查月份")]
    [Required(ErrorMessage = "請輸入抽查月份。"), MonthText]
    public string? Month { get; set; }

    [Display(Name = "網站可正常開啟")]
    public bool Opens { get; set; }

    [Display(Name = "網站近期有更新")]
    public bool UpdatedRecently { get; set; }

    [Display(Name = "首頁註明「科技部計畫補助」")]
    public bool ShowsGrantNotice { get; set; }

    [Display(Name = "最近更新日期")]
    [DateText]
    public string? LastUpdatedOn { get; set; }

    [Display(Name = "抽查日期")]
    [Required(ErrorMessage = "請輸入抽查日期。"), DateText]
    public string? CheckedOn { get; set; }

    [Display(Name = "備註")]
    [StringLength(WebsiteCheck.MaxNoteLength, ErrorMessage = "備註最多 500 個字。")]
    public string? Note
    {
        get => _note;
        set => _note = value?.Replace("\r\n", "\n");
    }

    [StringLength(WebsiteCheck.MaxProbeSummaryLength, ErrorMessage = "自動檢查結果過長。")]
    public string? ProbeSummary { get; set; }

    [BindNever]
    public WebsiteAlliance Alliance { get; set; } = WebsiteAlliance.None;

    [BindNever]
    public string? ProbeMessage { get; set; }

    public static WebsiteCheckForm From(WebsiteCheck check) => new()
    {
        Version = check.Version,
        Month = MonthText.Show(check.Month),
        Opens = check.Opens,
        UpdatedRecently = check.UpdatedRecently,
        ShowsGrantNotice = check.ShowsGrantNotice,
        LastUpdatedOn = check.LastUpdatedOn is { } day ? DateFormat.Show(day) : null,
        CheckedOn = DateFormat.Show(check.CheckedOn),
        Note = check.Note,
        ProbeSummary = check.ProbeSummary,
    };

    /// <summary>Copies a form that passed its shape checks onto the record.</summary>
    public void ApplyTo(WebsiteCheck check)
    {
        MonthText.TryParse(Month, out var month);
        check.Month = month;
        check.Opens = Opens;
        check.UpdatedRecently = UpdatedRecently;
        check.ShowsGrantNotice = ShowsGrantNotice;
        check.LastUpdatedOn = string.IsNullOrWhiteSpace(LastUpdatedOn) ? null : DateTextAttribute.Day(LastUpdatedOn);
        check.CheckedOn = DateTextAttribute.Day(CheckedOn);
        check.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        check.ProbeSummary = string.IsNullOrWhiteSpace(ProbeSummary) ? null : ProbeSummary.Trim();
    }

    /// <summary>The month as 2021-06 when it is a valid month, else as typed.</summary>
    public string? MonthShown() => MonthText.TryParse(Month, out var month) ? MonthText.Show(month) : Month;

    /// <summary>Puts what 自動檢查 found into the form; the office still confirms and saves.</summary>
    public void Prefill(ProbeOutcome outcome)
    {
        Opens = outcome.Opens;
        ShowsGrantNotice = outcome.GrantNoticeFound;
        UpdatedRecently = outcome.UpdatedRecently;
        LastUpdatedOn = outcome.LastUpdated is { } day ? DateFormat.Show(day) : LastUpdatedOn;
        ProbeSummary = outcome.Summary.Length > WebsiteCheck.MaxProbeSummaryLength ? outcome.Summary[..WebsiteCheck.MaxProbeSummaryLength] : outcome.Summary;
        ProbeMessage = ProbeSummary;
    }
}

/// <summary>The alliance a check is about, as the form and the history show it.</summary>
public sealed record WebsiteAlliance(int ProjectId, string ProjectNumber, string AllianceName, string? Website)
{
    public static readonly WebsiteAlliance None = new(0, "", "", null);

    /// <summary>The address as a link target when it is an http/https address; anything else is shown as text only.</summary>
    public string? Link => Uri.TryCreate(Website?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        ? uri.AbsoluteUri
        : null;
}
