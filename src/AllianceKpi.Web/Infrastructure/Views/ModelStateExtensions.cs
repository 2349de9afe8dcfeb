using AllianceKpi.Domain.Common;
using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AllianceKpi.Web.Infrastructure.Views;

/// <summary>Business-rule violations, validator failures and Identity errors go into ModelState next to their field.</summary>
public static class ModelStateExtensions
{
    public static void AddViolations(this ModelStateDictionary modelState, IEnumerable<DomainViolation> violations, string prefix = "")
    {
        foreach (var violation in violations)
        {
            modelState.AddModelError(Key(prefix, violation.Field), violation.Message);
        }
    }

    public static void AddValidation(this ModelStateDictionary modelState, ValidationResult result, string prefix = "")
    {
        foreach (var failure in result.Errors)
        {
            modelState.AddModelError(Key(prefix, failure.PropertyName), failure.ErrorMessage);
        }
    }

    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string field = "")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(field, error.Description);
        }
    }

    private static string Key(string prefix, string field) => string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";
}
