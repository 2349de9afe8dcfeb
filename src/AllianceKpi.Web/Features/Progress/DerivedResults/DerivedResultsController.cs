using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.DerivedResults;

/// <summary>協助聯盟會員衍生成果: this period's derived results with their verdicts. Add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/derived-results")]
public sealed class DerivedResultsController(ProgressContextHandler contexts, DerivedResultHandler handler)
    : EntryPagesController<DerivedResultForm>(contexts, handler, "已刪除衍生成果。");
