using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Websites;
using AllianceKpi.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Web.Features.Office.WebsiteChecks;

/// <summary>What 自動檢查 found: the values it pre-fills and a one-line summary in words.</summary>
public sealed record ProbeOutcome(bool Opens, int? StatusCode, bool GrantNoticeFound, DateOnly? LastUpdated, bool UpdatedRecently, string Summary)
{
    public static ProbeOutcome Failed(string summary) => new(false, null, false, null, false, summary);
}

/// <summary>
/// Tries an alliance's website from the server: http/https only, a few redirects at most (each one checked again), a time
/// limit for the whole check, at most MaxBodyBytes of the page read, internal addresses refused unless allowed.
/// </summary>
public sealed class WebsiteProbe(IHttpClientFactory clients, IOptions<WebsiteProbeOptions> options, TimeProvider clock)
{
    private readonly WebsiteProbeOptions _options = options.Value;

    public async Task<ProbeOutcome> ProbeAsync(string? url, CancellationToken cancellationToken)
    {
        if (!IsWebAddress(url, out var current))
        {
            return ProbeOutcome.Failed("聯盟網址不是以 http:// 或 https:// 開頭的網址，無法自動檢查。");
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.Timeout);
        var client = clients.CreateClient(WebsiteProbeOptions.ClientName);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
                request.Headers.UserAgent.Add(new ProductInfoHeaderValue("AllianceKpi-WebsiteCheck", "1.0"));
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (redirects >= _options.MaxRedirects)
                    {
                        return ProbeOutcome.Failed($"重新導向超過 {_options.MaxRedirects} 次，網站無法正常開啟。");
                    }
                    var next = new Uri(current, location);
                    if (!IsWebAddress(next.AbsoluteUri, out current))
                    {
                        return ProbeOutcome.Failed($"網站重新導向到不支援的網址（{Shorten(next.OriginalString)}），無法自動檢查。");
                    }
                    continue;
                }
                return await ReadAsync(response, redirects, limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.Failed($"連線逾時：超過 {_options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} 秒沒有回應，網站無法正常開啟。");
        }
        catch (HttpRequestException ex) when (ex.InnerException is ProbeAddressRefusedException)
        {
            return ProbeOutcome.Failed("網址指向本機或內部網路位址，基於安全不自動連線；請以瀏覽器人工檢查。");
        }
        catch (HttpRequestException ex)
        {
            return ProbeOutcome.Failed($"無法連線到網站（{Reason(ex)}），網站無法正常開啟。");
        }
    }

    private async Task<ProbeOutcome> ReadAsync(HttpResponseMessage response, int redirects, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var via = redirects > 0 ? $"（經 {redirects} 次重新導向）" : "";
        if (!response.IsSuccessStatusCode)
        {
            return new ProbeOutcome(false, status, false, null, false, $"HTTP {status}{via}：網站無法正常開啟。");
        }
        var body = await ReadLimitedAsync(response.Content, cancellationToken);
        var text = PageText.Visible(PageText.Decode(body, response.Content.Headers.ContentType?.CharSet));
        var found = PageText.ContainsPhrase(text, WebsiteCheck.GrantNotice);
        var today = clock.TaiwanToday();
        var (lastUpdated, source) = response.Content.Headers.LastModified is { } modified
            ? (DateOnly.FromDateTime(modified.ToOffset(TimeSpan.FromHours(8)).DateTime), "Last-Modified")
            : (PageText.LatestDate(text, today), "網頁上的日期");
        var recent = lastUpdated is { } day && today.DayNumber - day.DayNumber <= _options.RecentDays;
        var summary = $"HTTP {status}{via}：網站可正常開啟；" + (found ? "已找到「科技部計畫補助」" : "未找到「科技部計畫補助」") + "；"
                      + (lastUpdated is { } d ? $"最近更新 {DateFormat.Show(d)}（{source}）。" : "找不到更新日期。");
        return new ProbeOutcome(true, status, found, lastUpdated, recent, summary);
    }

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[_options.MaxBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }
        return buffer[..total];
    }

    private static bool IsWebAddress(string? text, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }
        uri = parsed;
        return true;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string Reason(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "找不到這個網域名稱",
        HttpRequestError.ConnectionError => "連線被拒絕或中斷",
        HttpRequestError.SecureConnectionError => "HTTPS 憑證或加密連線有問題",
        _ => "連線錯誤",
    };

    private static string Shorten(string text) => text.Length > 100 ? text[..100] + "…" : text;
}
