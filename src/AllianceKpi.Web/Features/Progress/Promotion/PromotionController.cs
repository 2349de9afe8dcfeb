using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.Promotion;

/// <summary>聯盟推廣活動: this period's promotion activities with their verdicts. Add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/promotion")]
public sealed class PromotionController(ProgressContextHandler contexts, PromotionHandler handler)
    : EntryPagesController<PromotionForm>(contexts, handler, "已刪除推廣活動。");
