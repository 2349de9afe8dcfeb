using System.Diagnostics;
using AllianceKpi.Web.Features.Office.WebsiteChecks;
using AllianceKpi.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Office.WebsiteChecks;

/// <summary>自動檢查 against a real website on a loopback port, through the portal's own registration of the named client.</summary>
public sealed class WebsiteProbeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2021, 6, 15, 2, 0, 0, TimeSpan.Zero);
    private LocalWebsite _site = null!;

    public async Task InitializeAsync() => _site = await LocalWebsite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static ServiceProvider Services(bool allowLoopback = true, string timeout = "00:00:05", int maxBodyBytes = 1024 * 1024)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WebsiteChecks:Timeout"] = timeout,
            ["WebsiteChecks:MaxBodyBytes"] = maxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (allowLoopback)
        {
            settings["WebsiteChecks:AllowedPrivateNetworks:0"] = "127.0.0.0/8";
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddWebsiteProbe(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static async Task<ProbeOutcome> ProbeAsync(ServiceProvider services, string url)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebsiteProbe>().ProbeAsync(url, CancellationToken.None);
    }

    private async Task<ProbeOutcome> ProbeAsync(string path)
    {
        await using var services = Services();
        return await ProbeAsync(services, _site.Url(path));
    }

    [Fact]
    public async Task APageShowingTheGrantNoticeOpensAndTheNoticeIsFound()
    {
        var outcome = await ProbeAsync("/with-notice");
        Assert.True(outcome.Opens);
        Assert.Equal(200, outcome.StatusCode);
        Assert.True(outcome.GrantNoticeFound);
        Assert.Equal(new DateOnly(2021, 6, 1), outcome.LastUpdated);
        Assert.True(outcome.UpdatedRecently);
        Assert.Equal("HTTP 200：網站可正常開啟；已找到「科技部計畫補助」；最近更新 2021/06/01（Last-Modified）。", outcome.Summary);
    }

    [Fact]
    public async Task APageWithoutTheNoticeOpensButTheNoticeIsNotFound()
    {
        var outcome = await ProbeAsync("/without-notice");
        Assert.True(outcome.Opens);
        Assert.False(outcome.GrantNoticeFound);
        Assert.Null(outcome.LastUpdated);
        Assert.False(outcome.UpdatedRecently);
        Assert.Contains("未找到「科技部計畫補助」", outcome.Summary);
        Assert.Contains("找不到更新日期", outcome.Summary);
    }

    [Fact]
    public async Task WithoutLastModifiedTheLatestPastDateOnThePageIsTheLastUpdate()
    {
        var outcome = await ProbeAsync("/dated");
        Assert.True(outcome.GrantNoticeFound);
        Assert.Equal(new DateOnly(2021, 6, 10), outcome.LastUpdated);
        Assert.Contains("最近更新 2021/06/10（網頁上的日期）", outcome.Summary);
    }

    [Fact]
    public async Task ABig5PageIsDecodedByTheCharsetItDeclares()
    {
        var outcome = await ProbeAsync("/big5");
        Assert.True(outcome.Opens);
        Assert.True(outcome.GrantNoticeFound);
    }

    [Fact]
    public async Task OnlyTheConfiguredAmountOfThePageIsRead()
    {
        await using var small = Services(maxBodyBytes: 4096);
        Assert.False((await ProbeAsync(small, _site.Url("/long"))).GrantNoticeFound);
        await using var large = Services(maxBodyBytes: 16384);
        Assert.True((await ProbeAsync(large, _site.Url("/long"))).GrantNoticeFound);
    }

    [Theory]
    [InlineData("/missing", 404)]
    [InlineData("/broken", 500)]
    public async Task AnErrorStatusMeansTheSiteDoesNotOpen(string path, int status)
    {
        var outcome = await ProbeAsync(path);
        Assert.False(outcome.Opens);
        Assert.Equal(status, outcome.StatusCode);
        Assert.False(outcome.GrantNoticeFound);
        Assert.Equal($"HTTP {status}：網站無法正常開啟。", outcome.Summary);
    }

    [Fact]
    public async Task ASlowSiteTimesOutAndDoesNotOpen()
    {
        await using var services = Services(timeout: "00:00:01");
        var watch = Stopwatch.StartNew();
        var outcome = await ProbeAsync(services, _site.Url("/slow"));
        watch.Stop();
        Assert.False(outcome.Opens);
        Assert.Equal("連線逾時：超過 1 秒沒有回應，網站無法正常開啟。", outcome.Summary);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ARedirectIsFollowedToThePage()
    {
        var outcome = await ProbeAsync("/moved");
        Assert.True(outcome.Opens, outcome.Summary);
        Assert.True(outcome.GrantNoticeFound);
        Assert.StartsWith("HTTP 200（經 1 次重新導向）", outcome.Summary);
        Assert.Equal(["/moved", "/with-notice"], _site.Requests);
    }

    [Fact]
    public async Task EndlessRedirectsStopAfterTheLimit()
    {
        var outcome = await ProbeAsync("/loop");
        Assert.False(outcome.Opens);
        Assert.Equal("重新導向超過 3 次，網站無法正常開啟。", outcome.Summary);
        Assert.Equal(4, _site.Requests.Count);
    }

    [Fact]
    public async Task ARedirectToAnotherSchemeIsNotFollowed()
    {
        var outcome = await ProbeAsync("/to-ftp");
        Assert.False(outcome.Opens);
        Assert.Contains("重新導向到不支援的網址", outcome.Summary);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.example.tw")]
    public async Task OnlyHttpAndHttpsAddressesAreTried(string url)
    {
        await using var services = Services();
        var outcome = await ProbeAsync(services, url);
        Assert.False(outcome.Opens);
        Assert.Equal("聯盟網址不是以 http:// 或 https:// 開頭的網址，無法自動檢查。", outcome.Summary);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task LoopbackAddressesAreRefusedUnlessAllowed(string host)
    {
        await using var services = Services(allowLoopback: false);
        var url = _site.Url("/with-notice").Replace("127.0.0.1", host, StringComparison.Ordinal);
        var outcome = await ProbeAsync(services, url);
        Assert.False(outcome.Opens);
        Assert.Equal("網址指向本機或內部網路位址，基於安全不自動連線；請以瀏覽器人工檢查。", outcome.Summary);
        Assert.Empty(_site.Requests);
    }

    [Theory]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("140.112.8.116", true)]
    [InlineData("2001:4860:4860::8888", true)]
    public void InternalAddressesAreRefusedAndPublicOnesPermitted(string address, bool permitted)
    {
        var policy = new ProbeAddressPolicy([]);
        Assert.Equal(permitted, policy.Permits(System.Net.IPAddress.Parse(address)));
    }

    [Fact]
    public void AnAllowedNetworkIsPermittedAndNothingElseInternal()
    {
        var options = new WebsiteProbeOptions { AllowedPrivateNetworks = ["127.0.0.0/8", "10.9.9.9"] };
        var policy = new ProbeAddressPolicy(options.AllowedNetworks());
        Assert.True(policy.Permits(System.Net.IPAddress.Parse("127.0.0.5")));
        Assert.True(policy.Permits(System.Net.IPAddress.Parse("10.9.9.9")));
        Assert.False(policy.Permits(System.Net.IPAddress.Parse("10.9.9.10")));
        Assert.False(new WebsiteProbeOptions { AllowedPrivateNetworks = ["not-a-network"] }.AllowedNetworksAreValid());
    }
}
