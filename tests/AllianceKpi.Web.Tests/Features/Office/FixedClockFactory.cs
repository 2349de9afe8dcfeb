using AllianceKpi.Web.Tests.Support;

namespace AllianceKpi.Web.Tests.Features.Office;

/// <summary>The portal with its clock at 2021/10/21 10:00 in Taiwan (02:00 UTC): ten days before the first report's deadline.</summary>
public sealed class FixedClockFactory : PortalFactory
{
    public static readonly DateTimeOffset Now = new(2021, 10, 21, 2, 0, 0, TimeSpan.Zero);

    protected override DateTimeOffset? FixedNow => Now;
}
