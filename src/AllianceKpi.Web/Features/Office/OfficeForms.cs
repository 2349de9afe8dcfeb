using System.ComponentModel.DataAnnotations;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Common;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Features.Office;

/// <summary>A date typed as 2021/10/31 (2021-10-31 is accepted too). Empty passes: pair it with [Required] when the date is mandatory.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DateTextAttribute() : ValidationAttribute(Message)
{
    public const string Message = "日期格式應為 2021/10/31";

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || DateFormat.TryParse(text, out _);

    /// <summary>The day of a field that passed validation.</summary>
    public static DateOnly Day(string? text) =>
        DateFormat.TryParse(text, out var day) ? day : throw new InvalidOperationException($"'{text}' was not validated as a date.");
}

public enum SaveStatus
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
}

/// <summary>What a handler's save came to: saved, refused by business rules (with the violations), a stale version, or a missing row.</summary>
public sealed record SaveResult(SaveStatus Status, IReadOnlyList<DomainViolation> Violations)
{
    public static readonly SaveResult Saved = new(SaveStatus.Saved, []);
    public static readonly SaveResult Conflict = new(SaveStatus.Conflict, []);
    public static readonly SaveResult NotFound = new(SaveStatus.NotFound, []);
    public static readonly SaveResult ShapeInvalid = new(SaveStatus.Invalid, []);

    public static SaveResult Refused(IReadOnlyList<DomainViolation> violations) => new(SaveStatus.Invalid, violations);

    public bool NeedsRedisplay => Status is SaveStatus.Invalid or SaveStatus.Conflict;
}

public static class SaveResults
{
    public const string ConflictMessage = "資料已被其他人修改，請重新載入後再編輯。";

    /// <summary>Post/Redirect/Get after a save; otherwise the same form again with the reasons next to the fields (typed values kept).</summary>
    public static IActionResult Show(this Controller controller, SaveResult result, object form, string successMessage, string redirectTo)
    {
        switch (result.Status)
        {
            case SaveStatus.NotFound:
                return controller.NotFound();
            case SaveStatus.Saved:
                controller.Success(successMessage);
                return controller.Redirect(redirectTo);
            case SaveStatus.Conflict:
                controller.ModelState.AddModelError("", ConflictMessage);
                break;
            default:
                controller.ModelState.AddViolations(result.Violations);
                break;
        }
        return controller.View(form);
    }
}
