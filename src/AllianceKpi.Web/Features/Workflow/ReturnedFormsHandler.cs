using System.Security.Claims;
using AllianceKpi.Domain.Workflow;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Workflow;

/// <summary>A form the office returned to one of the user's projects: what, why, until when, and where to fix it.</summary>
public sealed record ReturnedForm(string ProjectNumber, string ProjectName, string PeriodName, FormKind Kind, string? Reason,
    DateOnly? ExtendedUntil, string Url);

/// <summary>退回修改 notices for the home page of a PI or an assistant: every returned form of a project they hold a role on.</summary>
public sealed class ReturnedFormsHandler(AppDbContext db)
{
    public async Task<IReadOnlyList<ReturnedForm>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.UserId() is not { } userId || ProjectAccess.IsOffice(user))
        {
            return [];
        }
        var projects = db.ProjectMembers.Where(m => m.UserId == userId).Select(m => m.ProjectId);
        var evaluations = await db.EvaluationForms.AsNoTracking()
            .Where(f => f.State == FormState.Returned && projects.Contains(f.ProjectId))
            .Join(db.Projects, f => f.ProjectId, p => p.Id, (f, p) => new { f, p })
            .Join(db.ReportingPeriods, x => x.f.ReportingPeriodId, r => r.Id, (x, r) => new ReturnedForm(x.p.Number, x.p.Name, r.Name,
                FormKind.Evaluation, x.f.ReturnReason, x.f.ExtendedUntil, "/projects/" + x.p.Id + "/evaluation/" + r.Id))
            .ToListAsync(cancellationToken);
        var expected = await db.ExpectedResults.AsNoTracking()
            .Where(f => f.State == FormState.Returned && projects.Contains(f.ProjectId))
            .Join(db.Projects, f => f.ProjectId, p => p.Id, (f, p) => new { f, p })
            .Join(db.ReportingPeriods.Where(r => r.Kind == Domain.Calendar.ReportingPeriodKind.ExpectedResults),
                x => x.f.Year, r => r.ProgrammeYear!.Year, (x, r) => new ReturnedForm(x.p.Number, x.p.Name, r.Name,
                    FormKind.ExpectedResults, x.f.ReturnReason, x.f.ExtendedUntil, "/projects/" + x.p.Id + "/expected-results/" + r.Id))
            .ToListAsync(cancellationToken);
        return [.. expected, .. evaluations];
    }
}
