using AllianceKpi.Web.Features.Office;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AllianceKpi.Web.Infrastructure.Views;

/// <summary>
/// Every POST of a versioned form carries its hidden <c>Version</c> (or <c>Form.Version</c>). When it comes back unreadable —
/// empty, or not a version: a page edited by hand — the binder's own error names the property in English and sits next to no
/// field, so the form came back with no message. Before any action runs, such an error is replaced by one message above the
/// form (<see cref="SaveResults.UnreadableVersionMessage"/>), which autosaves answer as their message too. The model state
/// stays invalid, so nothing is saved.
/// </summary>
public sealed class UnreadableVersionFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var modelState = context.ModelState;
        if (modelState.IsValid)
        {
            return;
        }
        var versions = modelState
            .Where(e => e.Value is { Errors.Count: > 0 } && (e.Key == "Version" || e.Key.EndsWith(".Version", StringComparison.Ordinal)))
            .Select(e => e.Key)
            .ToList();
        foreach (var key in versions)
        {
            SaveResults.ExplainUnreadableVersion(modelState, key);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
