using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace AllianceKpi.Web.Infrastructure.Views;

/// <summary>
/// Renders a Razor view to a string inside the current request (its services, user and culture), for HTML that leaves the
/// response pipeline: a report printed to PDF. The view is found by its path, as given.
/// </summary>
public sealed class RazorViewToString(IRazorViewEngine engine, ITempDataProvider tempData, IModelMetadataProvider metadata)
{
    public async Task<string> RenderAsync<TModel>(ActionContext actionContext, string viewPath, TModel model)
    {
        ArgumentNullException.ThrowIfNull(actionContext);
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The view {viewPath} was not found; searched: {string.Join(", ", found.SearchedLocations)}.");
        }
        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(metadata, new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(actionContext, found.View, viewData, new TempDataDictionary(actionContext.HttpContext, tempData),
            writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
