using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Forms;
using AllianceKpi.Web.Features.Progress;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>
/// What the 管考資料 page posts (field prefix <c>Form.</c>). Numbers are bound as text so that bad input comes back as typed with
/// its message; texts are kept as typed (never cut: the limits are the checklist's, see docs/workflow-rules.md section 4).
/// <see cref="Items"/>[i] belongs to <c>FormItems.Evaluation[i]</c>.
/// </summary>
public sealed class EvaluationInput
{
    public Guid Version { get; set; }

    public List<EvaluationItemInput> Items { get; set; } = [];

    [RegularExpression(CountText.Pattern, ErrorMessage = CountText.Message)]
    public string? NewHires { get; set; }

    [YuanText]
    public string? DerivedOutputValue { get; set; }

    public string? DerivedOutputMethod { get; set; }

    [RegularExpression(CountText.Pattern, ErrorMessage = CountText.Message)]
    public string? TalentPlaced { get; set; }

    public string? TalentCompanies { get; set; }

    [RegularExpression(CountText.Pattern, ErrorMessage = CountText.Message)]
    public string? Undergraduates { get; set; }

    [RegularExpression(CountText.Pattern, ErrorMessage = CountText.Message)]
    public string? Masters { get; set; }

    [RegularExpression(CountText.Pattern, ErrorMessage = CountText.Message)]
    public string? Doctorals { get; set; }

    [RegularExpression(CountText.Pattern, ErrorMessage = CountText.Message)]
    public string? Postdocs { get; set; }

    [RegularExpression(CountText.Pattern, ErrorMessage = CountText.Message)]
    public string? FullTimeAssistants { get; set; }

    /// <summary>「我已確認上列提醒」: required by 確定送出 when the checklist shows warnings.</summary>
    public bool ConfirmWarnings { get; set; }

    /// <summary>The input of an item by its number (1–10); added when a crafted post left it out.</summary>
    public EvaluationItemInput Item(int number)
    {
        var index = EvaluationInputNames.IndexOf(number);
        while (Items.Count <= index)
        {
            Items.Add(new EvaluationItemInput());
        }
        return Items[index];
    }

    /// <summary>The files chosen, by item number.</summary>
    public IEnumerable<(int Item, IFormFile File)> Files() =>
        FormItems.Evaluation.Select(i => (i.Number, File: Item(i.Number).Attachment))
            .Where(f => f.File is { Length: > 0 })
            .Select(f => (f.Number, f.File!));

    public static EvaluationInput From(EvaluationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var input = new EvaluationInput
        {
            Version = form.Version,
            NewHires = NumberText.Show(form.NewHires),
            DerivedOutputValue = NumberText.Show(form.DerivedOutputValue),
            DerivedOutputMethod = form.DerivedOutputMethod,
            TalentPlaced = NumberText.Show(form.TalentPlaced),
            TalentCompanies = form.TalentCompanies,
            Undergraduates = NumberText.Show(form.Undergraduates),
            Masters = NumberText.Show(form.Masters),
            Doctorals = NumberText.Show(form.Doctorals),
            Postdocs = NumberText.Show(form.Postdocs),
            FullTimeAssistants = NumberText.Show(form.FullTimeAssistants),
        };
        foreach (var item in FormItems.Evaluation)
        {
            var row = form.ItemOf(item.Number);
            var target = input.Item(item.Number);
            target.Narrative = row?.Narrative;
            target.DifferenceAnalysis = row?.DifferenceAnalysis;
        }
        return input;
    }

    /// <summary>Writes the texts and numbers (shape already checked) to the form; rows of items left blank are not created.</summary>
    public void ApplyTo(EvaluationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        foreach (var item in FormItems.Evaluation)
        {
            var typed = Item(item.Number);
            if (form.ItemOf(item.Number) is not null || FormText.Clean(typed.Narrative) is not null
                || FormText.Clean(typed.DifferenceAnalysis) is not null)
            {
                form.Write(item.Number, typed.Narrative, typed.DifferenceAnalysis);
            }
        }
        form.NewHires = NumberText.Count(NewHires);
        form.DerivedOutputValue = NumberText.Amount(DerivedOutputValue);
        form.DerivedOutputMethod = FormText.Clean(DerivedOutputMethod);
        form.TalentPlaced = NumberText.Count(TalentPlaced);
        form.TalentCompanies = FormText.Clean(TalentCompanies);
        form.Undergraduates = NumberText.Count(Undergraduates);
        form.Masters = NumberText.Count(Masters);
        form.Doctorals = NumberText.Count(Doctorals);
        form.Postdocs = NumberText.Count(Postdocs);
        form.FullTimeAssistants = NumberText.Count(FullTimeAssistants);
    }
}

/// <summary>One item's texts and its optional new file.</summary>
public sealed class EvaluationItemInput
{
    public string? Narrative { get; set; }

    public string? DifferenceAnalysis { get; set; }

    public IFormFile? Attachment { get; set; }
}
