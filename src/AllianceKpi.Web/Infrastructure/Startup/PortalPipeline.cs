using AllianceKpi.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace AllianceKpi.Web.Infrastructure.Startup;

public static class PortalPipeline
{
    public static void UsePortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        else
        {
            app.UseDeveloperExceptionPage();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseMiddleware<RequestGateMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UsePortalLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").WithMetadata(new AllowAnonymousAttribute(), new HttpMethodMetadata(["GET", "HEAD"]));
        app.MapControllers();
    }
}
