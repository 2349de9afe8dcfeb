using AllianceKpi.Infrastructure.Audit;
using AllianceKpi.Web.Infrastructure.Authorization;

namespace AllianceKpi.Web.Infrastructure;

/// <summary>The audit log's "who and when": the signed-in user of the current request (none for start-up tasks) and the portal's clock.</summary>
public sealed class RequestAuditSource(IHttpContextAccessor http, TimeProvider clock) : IAuditSource
{
    public string? UserId => http.HttpContext?.User.UserId();

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}
