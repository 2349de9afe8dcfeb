using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.Cooperation;

/// <summary>衍生產學合作計畫: this period's cooperation projects with their verdicts. Add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/cooperation")]
public sealed class CooperationController(ProgressContextHandler contexts, CooperationHandler handler)
    : EntryPagesController<CooperationForm>(contexts, handler, "已刪除產學合作計畫。");
