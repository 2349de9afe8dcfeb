using Microsoft.AspNetCore.Mvc.Filters;

namespace AllianceKpi.Web.Infrastructure.Views;

/// <summary>
/// Every POST of a versioned form carries its hidden <c>Version</c> (or <c>Form.Version</c>). When it comes back unreadable —
/// empty, or not a version: a page edited by hand — the binder's own error names the property in English and sits next to no
/// field, so the form came back with no message. Before any action runs, such an error is replaced by one message above the
/// form (<see cref="Message"/>), which autosaves answer as their message too. The model state stays invalid, so nothing is
/// saved.
/// </summary>
public sealed class UnreadableVersionFilter : IActionFilter
{
    public const string Message = "表單的版本資料無法辨識，請重新載入頁面後再編輯。";

    public void OnActionExecuting(ActionExecutingContext context)
    {
        var modelState = context.ModelState;
        if (modelState.IsValid)
        {
            return;
        }
        var unreadable = modelState
            .Where(e => e.Value is { Errors.Count: > 0 } && (e.Key == "Version" || e.Key.EndsWith(".Version", StringComparison.Ordinal)))
            .Select(e => e.Value!)
            .ToList();
        if (unreadable.Count == 0)
        {
            return;
        }
        foreach (var entry in unreadable)
        {
            entry.Errors.Clear();
        }
        modelState.AddModelError("", Message);
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
