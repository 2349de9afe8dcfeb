using System.Net;

namespace AllianceKpi.Web.Features.Office.WebsiteChecks;

/// <summary>How 自動檢查 reaches an alliance's website: the section "WebsiteChecks" of the configuration.</summary>
public sealed class WebsiteProbeOptions
{
    public const string Section = "WebsiteChecks";
    public const string ClientName = "website-probe";

    /// <summary>The whole check (connect, redirects, body) must finish within this time.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many redirects are followed before the check gives up.</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>How much of the page is read; the rest is ignored.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>A last update at most this many days ago counts as 「近期有更新」 in the pre-filled form.</summary>
    public int RecentDays { get; set; } = 31;

    /// <summary>
    /// Loopback and private addresses are refused (a site that resolves to them could make the server probe its own network),
    /// except the networks listed here, as "127.0.0.1" or "10.1.0.0/16". Empty in production; tests allow 127.0.0.0/8.
    /// </summary>
    public List<string> AllowedPrivateNetworks { get; set; } = [];

    public IReadOnlyList<IPNetwork> AllowedNetworks() => AllowedPrivateNetworks.Select(ParseNetwork).OfType<IPNetwork>().ToList();

    public bool AllowedNetworksAreValid() => AllowedPrivateNetworks.All(n => ParseNetwork(n) is not null);

    private static IPNetwork? ParseNetwork(string text)
    {
        var trimmed = text.Trim();
        if (IPNetwork.TryParse(trimmed, out var network))
        {
            return network;
        }
        return IPAddress.TryParse(trimmed, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }
}
