using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>
/// The portal on 2021/06/01 10:00 in Taiwan: the demo year's first report (2021/02/01–2021/10/31) accepts reports, the second
/// report (opens 2021/11/01) does not.
/// </summary>
public class ProgressClockFactory : PortalFactory
{
    protected virtual DateTimeOffset Now => new(2021, 6, 1, 2, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(Now)));
    }
}

/// <summary>The portal on 2021/11/05 in Taiwan: the first report's deadline (2021/10/31) has passed.</summary>
public sealed class AfterDeadlineFactory : ProgressClockFactory
{
    protected override DateTimeOffset Now => new(2021, 11, 5, 2, 0, 0, TimeSpan.Zero);
}
