using Microsoft.AspNetCore.Mvc;

namespace AllianceKpi.Web.Infrastructure.Views;

/// <summary>One-shot messages shown by the layout after a redirect (Post/Redirect/Get).</summary>
public static class Flash
{
    public const string Key = "flash";
    public const string ErrorKey = "flash-error";

    public static void Success(this Controller controller, string message) => controller.TempData[Key] = message;

    public static void Failure(this Controller controller, string message) => controller.TempData[ErrorKey] = message;
}
