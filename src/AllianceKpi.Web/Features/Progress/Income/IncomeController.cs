using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.Income;

/// <summary>聯盟營運收入: this period's income entries with their verdicts. Add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/income")]
public sealed class IncomeController(ProgressContextHandler contexts, IncomeHandler handler)
    : EntryPagesController<IncomeForm>(contexts, handler, "已刪除營運收入。");
