using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AllianceKpi.Domain.Content;

namespace AllianceKpi.Web.Features.Office.OfficeQa;

public sealed class QaForm
{
    private string? _answer;

    public Guid Version { get; set; }

    [Display(Name = "問題")]
    [Required(ErrorMessage = "請輸入問題。")]
    [StringLength(QaEntry.MaxQuestionLength, ErrorMessage = "問題最多 500 個字。")]
    public string? Question { get; set; }

    /// <summary>Line breaks are kept as \n, so that a break counts as one character.</summary>
    [Display(Name = "回答")]
    [Required(ErrorMessage = "請輸入回答。")]
    [StringLength(QaEntry.MaxAnswerLength, ErrorMessage = "回答最多 4000 個字。")]
    public string? Answer
    {
        get => _answer;
        set => _answer = value?.Replace("\r\n", "\n");
    }

    /// <summary>Text, so that a typo is shown back with a Chinese message rather than the binder's English one.</summary>
    [Display(Name = "排序")]
    [Required(ErrorMessage = "請輸入排序。")]
    [RegularExpression(@"^\s*-?\d{1,6}\s*$", ErrorMessage = "排序請輸入整數，例如 1、2、3。")]
    public string? SortOrder { get; set; }

    public static QaForm From(QaEntry entry) => new()
    {
        Version = entry.Version,
        Question = entry.Question,
        Answer = entry.Answer,
        SortOrder = entry.SortOrder.ToString(CultureInfo.InvariantCulture),
    };

    public void ApplyTo(QaEntry entry)
    {
        entry.Question = Question!.Trim();
        entry.Answer = Answer!.Trim();
        entry.SortOrder = int.Parse(SortOrder!.Trim(), CultureInfo.InvariantCulture);
    }
}
