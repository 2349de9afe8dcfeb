using System.Globalization;
using AllianceKpi.Domain.Common;

namespace AllianceKpi.Domain.Websites;

/// <summary>
/// 聯盟網站抽查: the office's monthly spot check of one alliance's website — does it open, was it updated recently, does its
/// home page show 「科技部計畫補助」 — with a note, who checked and when. One record per alliance (project) and month.
/// </summary>
public class WebsiteCheck : IVersioned
{
    public const int MaxNoteLength = 500;
    public const int MaxProbeSummaryLength = 500;
    public const int MaxUrlLength = 500;
    public const string GrantNotice = "科技部計畫補助";

    public int Id { get; set; }
    public int ProjectId { get; set; }

    /// <summary>The month checked, as its first day.</summary>
    public DateOnly Month { get; set; }

    /// <summary>The address that was checked (the alliance's 聯盟網址 at the time).</summary>
    public string? Url { get; set; }

    public bool Opens { get; set; }
    public bool UpdatedRecently { get; set; }
    public bool ShowsGrantNotice { get; set; }

    /// <summary>The site's last update as the office read it (optional).</summary>
    public DateOnly? LastUpdatedOn { get; set; }

    public string? Note { get; set; }

    /// <summary>What the automatic check (自動檢查) reported, when the office used it before saving.</summary>
    public string? ProbeSummary { get; set; }

    public DateOnly CheckedOn { get; set; }
    public string CheckedByUserId { get; set; } = "";
    public string CheckedByName { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }

    /// <summary>Business checks; the form checks shapes (month format, lengths) before.</summary>
    public IReadOnlyList<DomainViolation> Check()
    {
        var violations = new List<DomainViolation>();
        if (Month.Day != 1)
        {
            violations.Add(new(nameof(Month), "月份須為該月的第一天。"));
        }
        if (CheckedOn < Month)
        {
            violations.Add(new(nameof(CheckedOn), "抽查日期不可早於抽查月份。"));
        }
        if (LastUpdatedOn is { } updated && updated > CheckedOn)
        {
            violations.Add(new(nameof(LastUpdatedOn), "最近更新日期不可晚於抽查日期。"));
        }
        if (Note is { Length: > MaxNoteLength })
        {
            violations.Add(new(nameof(Note), $"備註最多 {MaxNoteLength} 個字。"));
        }
        return violations;
    }
}

/// <summary>A month written as 2021-06 (2021/06 is accepted too).</summary>
public static class MonthText
{
    public static string Show(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly month)
    {
        month = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        string[] formats = ["yyyy-MM", "yyyy/MM", "yyyy-M", "yyyy/M"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || parsed.Year < 2000 || parsed.Year > 2999)
        {
            return false;
        }
        month = new DateOnly(parsed.Year, parsed.Month, 1);
        return true;
    }

    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);
}
