using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.TechnicalServices;

/// <summary>技術服務: this period's technical services with their verdicts. Add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/technical-services")]
public sealed class TechnicalServicesController(ProgressContextHandler contexts, TechnicalServiceHandler handler)
    : EntryPagesController<TechnicalServiceForm>(contexts, handler, "已刪除技術服務。");
