using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace AllianceKpi.Web.Infrastructure.Localization;

/// <summary>The model binder's own messages (a number that is not a number, a missing value) in Traditional Chinese.</summary>
public static class ChineseBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"「{value}」不是有效的{field}。");
        messages.SetMissingBindRequiredValueAccessor(field => $"請填寫{field}。");
        messages.SetMissingKeyOrValueAccessor(() => "請填寫此欄位。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "送出的資料是空的，請重新填寫。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"「{value}」不是有效的值。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "輸入的值無效。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "請輸入數字。");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{field}的值無效。");
        messages.SetValueIsInvalidAccessor(value => $"「{value}」無效。");
        messages.SetValueMustBeANumberAccessor(field => $"{field}請輸入數字。");
        messages.SetValueMustNotBeNullAccessor(value => $"請填寫此欄位（{value}）。");
    }
}
