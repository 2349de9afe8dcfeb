using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.TechTransfers;

/// <summary>衍生技轉: this period's tech transfers with their verdicts. Add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/tech-transfers")]
public sealed class TechTransfersController(ProgressContextHandler contexts, TechTransferHandler handler)
    : EntryPagesController<TechTransferForm>(contexts, handler, "已刪除技轉。");
