using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Progress.Members;

/// <summary>招募聯盟會員: this period's members with their verdicts and the still-valid members of earlier periods. Add, edit and delete while the period accepts reports.</summary>
[Route("/projects/{projectId:int}/progress/{periodId:int}/members")]
public sealed class MembersController(ProgressContextHandler contexts, MembersHandler handler)
    : EntryPagesController<MemberForm>(contexts, handler, "已刪除會員。");
