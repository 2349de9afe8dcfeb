using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.MemberServices;

/// <summary>對聯盟會員之服務: this period's services to members with their verdicts. Add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/member-services")]
public sealed class MemberServicesController(ProgressContextHandler contexts, MemberServiceHandler handler)
    : EntryPagesController<MemberServiceForm>(contexts, handler, "已刪除會員服務。");
