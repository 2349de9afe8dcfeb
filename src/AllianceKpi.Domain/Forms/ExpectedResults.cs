using AllianceKpi.Domain.Common;
using AllianceKpi.Domain.Text;
using AllianceKpi.Domain.Workflow;

namespace AllianceKpi.Domain.Forms;

/// <summary>
/// 預期成果: a project's targets for the programme year, one form per project and year. Targets are nullable so that a
/// draft keeps whatever was typed; 確定送出 needs every one (0 is a target). Amounts in 仟元 except 衍生產值 in 元.
/// <see cref="ExpectedTargets"/> describes every target (key, item, label, unit, KPI measure).
/// </summary>
public class ExpectedResults : IVersioned, IWorkflowForm
{
    public int Id { get; set; }
    public int ProjectId { get; set; }

    /// <summary>The programme year (e.g. 2021); its 預期成果綜整表 period gives the deadline.</summary>
    public int Year { get; set; }

    public FormState State { get; set; }
    public DateOnly? ExtendedUntil { get; set; }
    public string? ReturnReason { get; set; }

    // 1 聯盟廠商會員家數
    public int? CompanyMembers { get; set; }

    // 2 聯盟推廣活動
    public int? PromotionEvents { get; set; }
    public int? PromotionPeople { get; set; }

    // 3 聯盟經常性營運收入(仟元)
    public decimal? MembershipFeeIncome { get; set; }
    public decimal? TechnicalServiceIncome { get; set; }
    public decimal? OtherIncome { get; set; }

    // 4 技術移轉(仟元)
    public decimal? TechTransferAmount { get; set; }

    // 5 對聯盟會員之服務: 技術研討會(場, 人), 專業諮詢服務(次, 人), 訪廠現地指導(次, 人)
    public int? SeminarEvents { get; set; }
    public int? SeminarPeople { get; set; }
    public int? ConsultingSessions { get; set; }
    public int? ConsultingPeople { get; set; }
    public int? SiteVisits { get; set; }
    public int? SiteVisitPeople { get; set; }

    // 6 衍生產學合作計畫(件, 仟元)
    public int? CooperationCount { get; set; }
    public decimal? CooperationAmount { get; set; }

    // 7 協助聯盟會員衍生成果
    public int? NewProducts { get; set; }
    public int? NewTechnologies { get; set; }
    public int? PatentsApplied { get; set; }
    public int? PatentsGranted { get; set; }

    // 8 聯盟會員新聘人員(人), 衍生產值(元), 培育人才至聯盟廠商(人)
    public int? NewHires { get; set; }
    public decimal? DerivedOutputValue { get; set; }
    public int? TalentPlaced { get; set; }

    // 9 計畫核定研究生人數
    public int? Undergraduates { get; set; }
    public int? Masters { get; set; }
    public int? Doctorals { get; set; }
    public int? Postdocs { get; set; }
    public int? FullTimeAssistants { get; set; }

    /// <summary>其它補充說明, at most one per item (1–9).</summary>
    public List<ExpectedResultsNote> Notes { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }

    /// <summary>總收入(系統自動加總) = 會員費 + 技術服務 + 其它 (仟元); blanks count 0.</summary>
    public decimal TotalIncome => (MembershipFeeIncome ?? 0m) + (TechnicalServiceIncome ?? 0m) + (OtherIncome ?? 0m);

    public string? NoteOf(int item) => Notes.FirstOrDefault(n => n.Item == item)?.Text;

    /// <summary>Sets an item's 其它補充說明 (line breaks normalised); a blank text removes it.</summary>
    public void SetNote(int item, string? text)
    {
        _ = FormItems.ExpectedItem(item);
        var note = Notes.FirstOrDefault(n => n.Item == item);
        var clean = FormText.Clean(text);
        if (clean is null)
        {
            if (note is not null)
            {
                Notes.Remove(note);
            }
            return;
        }
        if (note is null)
        {
            Notes.Add(new ExpectedResultsNote { Item = item, Text = clean });
        }
        else
        {
            note.Text = clean;
        }
    }

    /// <summary>What 資料暫存 refuses: numbers that cannot be targets (negative, too many decimals, too large) and texts past the guard.</summary>
    public IReadOnlyList<DomainViolation> Check()
    {
        var violations = new List<DomainViolation>();
        foreach (var target in ExpectedTargets.All)
        {
            if (FormNumbers.Problem(target.Kind, target.Get(this)) is { } problem)
            {
                violations.Add(new(target.Key, $"「{target.Label}」{problem}"));
            }
        }
        foreach (var note in Notes.OrderBy(n => n.Item))
        {
            if (FormText.GuardProblem(FieldKeys.Note(note.Item), "其它補充說明", note.Text, TextLimits.ExpectedNote) is { } problem)
            {
                violations.Add(problem);
            }
        }
        return violations;
    }
}

/// <summary>其它補充說明 of one item of the 預期成果 form.</summary>
public class ExpectedResultsNote
{
    public int Id { get; set; }
    public int ExpectedResultsId { get; set; }

    /// <summary>1–9.</summary>
    public int Item { get; set; }

    public string Text { get; set; } = "";
}
