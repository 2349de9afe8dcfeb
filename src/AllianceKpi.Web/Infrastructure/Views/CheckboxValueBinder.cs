using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace AllianceKpi.Web.Infrastructure.Views;

/// <summary>
/// Binds bool fields as MVC does, but when the posted text is not a boolean (a forged checkbox value such as "maybe") it keeps
/// the binding error and forgets the raw text: the checkbox tag helper converts the raw text back to bool when the form is shown
/// again, and a text it cannot convert made that a 500 instead of the form with its message.
/// </summary>
public sealed class CheckboxValueBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.IsModelSet
            || !bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry)
            || entry.Errors.Count == 0)
        {
            return;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, rawValue: null, entry.AttemptedValue);
    }
}

public sealed class CheckboxValueBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.UnderlyingOrModelType;
        if (type != typeof(bool))
        {
            return null;
        }
        var loggers = context.Services.GetRequiredService<ILoggerFactory>();
        return new CheckboxValueBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggers));
    }
}
