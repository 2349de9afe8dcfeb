using AllianceKpi.Web.Tests.Support;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>
/// The portal on 2021/06/01 10:00 in Taiwan: the demo year's first report (2021/02/01–2021/10/31) accepts reports, the second
/// report (opens 2021/11/01) does not.
/// </summary>
public class ProgressClockFactory : PortalFactory
{
    protected override DateTimeOffset? FixedNow => new DateTimeOffset(2021, 6, 1, 2, 0, 0, TimeSpan.Zero);
}

/// <summary>The portal on 2021/11/05 in Taiwan: the first report's deadline (2021/10/31) has passed.</summary>
public sealed class AfterDeadlineFactory : ProgressClockFactory
{
    protected override DateTimeOffset? FixedNow => new DateTimeOffset(2021, 11, 5, 2, 0, 0, TimeSpan.Zero);
}
