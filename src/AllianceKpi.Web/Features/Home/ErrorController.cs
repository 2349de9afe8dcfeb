using AllianceKpi.Infrastructure;
using AllianceKpi.Web.Infrastructure.Security;
using AllianceKpi.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Home;

public sealed record ErrorViewModel(int StatusCode, string Title, string Message);

/// <summary>Friendly pages for error status codes (re-executed by the status-code pages middleware).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Show()
    {
        // Read from the route, not bound as a parameter: re-executed for a POST whose form cannot be read (a malformed
        // multipart body), model binding fails and would give 0. An address such as /error/0 shows the not-found page.
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var routed) && routed is >= 400 and <= 599 ? routed : 404;
        if (code == 500 && HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && DatabaseSetup.IsUnavailable(error))
        {
            code = 503; // the database is down or restarting: "try again later" is the truth, and load balancers read 503
        }
        var queueFull = HttpContext.Items.ContainsKey(RequestGateMiddleware.QueueFullItem);
        var model = code switch
        {
            400 => new ErrorViewModel(code, "無法處理的要求", "送出的資料不完整或已過期，請回上一頁重新整理後再試一次。"),
            429 => TooManyAttempts(),
            403 => new ErrorViewModel(code, "沒有權限", "您的帳號沒有權限檢視或修改這個頁面的資料。"),
            404 => new ErrorViewModel(code, "找不到頁面", "您要找的頁面或資料不存在，可能已被刪除。"),
            503 when queueFull =>
                new ErrorViewModel(code, "系統忙碌中", "目前同時使用的人數過多，請稍候幾秒再試一次；您已儲存的資料不受影響。"),
            503 => new ErrorViewModel(code, "服務暫時無法使用", "系統暫時無法連線資料庫，請稍後再試。"),
            _ => new ErrorViewModel(code, "系統發生錯誤", "系統處理時發生錯誤，您已儲存的資料不受影響，請稍後再試。"),
        };
        Response.StatusCode = code;
        if (code == 503)
        {
            Response.Headers.RetryAfter = queueFull ? "5" : "30";
        }
        return View("Error", model);
    }

    /// <summary>The rate limiter's refusal: how long to wait, from the limiter's Retry-After, rounded up to minutes.</summary>
    private ErrorViewModel TooManyAttempts()
    {
        var seconds = HttpContext.Items[AccountRateLimits.RetryAfterItem] as int? ?? 60;
        Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var minutes = (seconds + 59) / 60;
        return new ErrorViewModel(429, "嘗試次數過多",
            $"短時間內送出的次數過多，為保護帳號安全已暫停受理。請於 {minutes} 分鐘後再試一次；如忘記密碼，請使用登入頁的「忘記密碼」。");
    }
}
