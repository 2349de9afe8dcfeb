using Microsoft.AspNetCore.Authorization;
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
        var model = code switch
        {
            400 => new ErrorViewModel(code, "無法處理的要求", "送出的資料不完整或已過期，請回上一頁重新整理後再試一次。"),
            403 => new ErrorViewModel(code, "沒有權限", "您的帳號沒有權限檢視或修改這個頁面的資料。"),
            404 => new ErrorViewModel(code, "找不到頁面", "您要找的頁面或資料不存在，可能已被刪除。"),
            503 => new ErrorViewModel(code, "服務暫時無法使用", "系統暫時無法連線資料庫，請稍後再試。"),
            _ => new ErrorViewModel(code, "系統發生錯誤", "系統處理時發生錯誤，您已儲存的資料不受影響，請稍後再試。"),
        };
        Response.StatusCode = code;
        return View("Error", model);
    }
}
