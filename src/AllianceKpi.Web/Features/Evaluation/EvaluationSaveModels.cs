using AllianceKpi.Domain.Forms;
using AllianceKpi.Web.Features.Workflow;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AllianceKpi.Web.Features.Evaluation;

/// <summary>One 資料暫存 (or 確定送出) of the 管考資料 form: the tracked context, what was posted, and whether files are taken (not by autosave).</summary>
public sealed record EvaluationSave(EvaluationContext Context, EvaluationInput Input, bool Submit, string UserId, bool WithFiles);

public enum EvaluationSaveResult
{
    Saved,

    /// <summary>Not this user's to do: an assistant's 確定送出, any change by the office (403).</summary>
    Forbidden,

    /// <summary>A value cannot be kept (shape, impossible number, text past the storage guard, refused file).</summary>
    Invalid,

    /// <summary>The workflow refuses the step now (locked, after the deadline, blocking checklist items), or 確定送出 lacks the confirmation of the warnings.</summary>
    Refused,

    /// <summary>Someone else saved the form since the user opened it; <see cref="EvaluationSaveOutcome.Current"/> is the stored form.</summary>
    Conflict,
}

public sealed record EvaluationSaveOutcome(EvaluationSaveResult Result, string? Message = null, IReadOnlyList<ConflictField>? Conflicts = null,
    EvaluationForm? Current = null)
{
    public static readonly EvaluationSaveOutcome Forbidden = new(EvaluationSaveResult.Forbidden);

    /// <summary>When a save went through (UTC), for 「已自動儲存 14:32」.</summary>
    public DateTime SavedAt { get; init; }
}

/// <summary>How a refused save leaves ModelState and what it answers.</summary>
public static class EvaluationRefusals
{
    public const string ConflictMessage = "這份管考資料在您編輯時已被他人儲存：您輸入的內容仍在表單上，請對照下方差異並確認後再儲存。";
    public const string ChooseAgainMessage = "請重新選擇檔案";

    public static EvaluationSaveOutcome Conflict(EvaluationInput input, EvaluationForm current, ModelStateDictionary modelState)
    {
        var conflicts = EvaluationConflicts.Compare(input, current);
        input.Version = current.Version;
        modelState.Remove(EvaluationInputNames.Version);
        modelState.AddModelError("", ConflictMessage);
        return new(EvaluationSaveResult.Conflict, ConflictMessage, conflicts, current);
    }

    public static EvaluationSaveOutcome Invalid(EvaluationSave save, ModelStateDictionary modelState)
    {
        ChooseAgain(save, modelState);
        return new(EvaluationSaveResult.Invalid, FirstError(modelState));
    }

    /// <summary>A chosen file cannot be shown again: the user is asked to choose it again, next to the item.</summary>
    public static void ChooseAgain(EvaluationSave save, ModelStateDictionary modelState)
    {
        if (!save.WithFiles)
        {
            return;
        }
        foreach (var (item, _) in save.Input.Files())
        {
            var key = EvaluationInputNames.Attachment(item);
            if (modelState[key] is not { Errors.Count: > 0 })
            {
                modelState.AddModelError(key, ChooseAgainMessage);
            }
        }
    }

    public static string? FirstError(ModelStateDictionary modelState) =>
        modelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
}
