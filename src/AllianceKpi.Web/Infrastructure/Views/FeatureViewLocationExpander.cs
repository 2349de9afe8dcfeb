using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace AllianceKpi.Web.Infrastructure.Views;

/// <summary>Views live beside their controller: Features/{Feature}/{Controller}/{View}.cshtml or Features/{Feature}/{View}.cshtml.</summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            context.Values[FeatureKey] = FeatureOf(action.ControllerTypeInfo.Namespace);
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var feature) && !string.IsNullOrEmpty(feature))
        {
            yield return $"/Features/{feature}/{{1}}/{{0}}.cshtml";
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }
        yield return "/Features/Shared/{0}.cshtml";
    }

    public static string? FeatureOf(string? controllerNamespace)
    {
        const string marker = ".Features.";
        var at = controllerNamespace?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }
        return controllerNamespace![(at + marker.Length)..].Split('.')[0];
    }
}
