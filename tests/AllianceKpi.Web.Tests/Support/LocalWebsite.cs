using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AllianceKpi.Web.Tests.Support;

/// <summary>
/// An alliance website on a loopback port (Kestrel), for 自動檢查 to try: a page with 「科技部計畫補助」, one without, 404, 500,
/// a slow page, redirects, a Big5 page, a long page. Counts the requests it receives.
/// </summary>
public sealed class LocalWebsite : IAsyncDisposable
{
    public const string WithNotice = "<html><head><meta charset=\"utf-8\"><title>智慧醫材聯盟</title></head><body><h1>智慧醫材示範產學聯盟</h1>"
                                     + "<p>本聯盟由<strong>科技部計畫補助</strong>。</p><p>最新消息 2021/05/20 會員大會</p></body></html>";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    private LocalWebsite(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public static async Task<LocalWebsite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new LocalWebsite(app);
        app.Use(async (context, next) =>
        {
            site.Requests.Enqueue(context.Request.Path);
            await next(context);
        });
        site.MapPages(app);
        await app.StartAsync();
        site.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return site;
    }

    private void MapPages(WebApplication app)
    {
        app.MapGet("/with-notice", (HttpContext context) =>
        {
            context.Response.Headers.LastModified = new DateTimeOffset(2021, 6, 1, 2, 0, 0, TimeSpan.Zero).ToString("R");
            return Html(WithNotice);
        });
        app.MapGet("/dated", () => Html("<html><body><p>科技部 計畫補助</p><ul><li>2021-03-02 說明會</li><li>110.06.10 成果展</li><li>2099/01/01 預告</li></ul></body></html>"));
        app.MapGet("/without-notice", () => Html("<html><body><h1>聯盟首頁</h1><p>歡迎加入。</p></body></html>"));
        app.MapGet("/big5", () => Results.Bytes(Big5("<html><body>本網站由科技部計畫補助</body></html>"), "text/html; charset=big5"));
        app.MapGet("/long", () => Html("<html><body>" + new string('x', 8000) + "科技部計畫補助</body></html>"));
        app.MapGet("/missing", () => Results.NotFound("找不到網頁"));
        app.MapGet("/broken", () => Results.StatusCode(500));
        app.MapGet("/slow", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), _stopping.Token);
            return Html(WithNotice);
        });
        app.MapGet("/moved", () => Results.Redirect("/with-notice"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/to-ftp", () => Results.Redirect("ftp://127.0.0.1/site"));
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);

    private static byte[] Big5(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("big5").GetBytes(text);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
