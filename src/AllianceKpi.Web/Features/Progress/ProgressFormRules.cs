using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AllianceKpi.Domain.Calendar;

namespace AllianceKpi.Web.Features.Progress;

/// <summary>
/// An amount in 仟元 typed as text: a number ≥ 0 with at most 3 decimals, below 10^15 (the columns hold 18 digits, 3 after the point).
/// Empty passes: pair with [Required] when needed.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MoneyTextAttribute : ValidationAttribute
{
    public const string Message = "金額須為不小於 0 的數字，小數最多 3 位";
    public const string TooLargeMessage = "金額過大，請確認單位為仟元";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || string.IsNullOrWhiteSpace(text))
        {
            return ValidationResult.Success;
        }
        if (!MoneyText.TryParse(text, out var amount))
        {
            return new ValidationResult(Message);
        }
        return amount > MoneyText.Max ? new ValidationResult(TooLargeMessage) : ValidationResult.Success;
    }
}

public static class MoneyText
{
    public const decimal Max = 999_999_999_999_999.999m;

    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        var trimmed = text?.Trim().Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(trimmed) || trimmed.StartsWith('-') || trimmed.StartsWith('+')
            || !decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }
        return amount.Scale <= 3 || decimal.Round(amount, 3) == amount;
    }

    /// <summary>The amount of a field that passed validation; 0 when empty.</summary>
    public static decimal Value(string? text) => TryParse(text, out var amount) ? amount : 0m;
}

/// <summary>Dates typed on the 工作進度 forms.</summary>
public static class DayText
{
    public static DateOnly? Value(string? text) => DateFormat.TryParse(text, out var day) ? day : null;
}

/// <summary>A count (人, 家) typed as text: a whole number from 0 to 999999.</summary>
public static class CountText
{
    public const string Pattern = @"^\s*\d{1,6}\s*$";
    public const string Message = "請輸入 0 以上的整數";

    public static int Value(string? text) => int.TryParse(text?.Trim(), out var count) ? count : 0;
}
