namespace AllianceKpi.Domain.Workflow;

/// <summary>Where a form (預期成果 or 管考資料) stands between the project and the office.</summary>
public enum FormState
{
    /// <summary>草稿: being filled; 資料暫存 keeps it editable.</summary>
    Draft = 0,

    /// <summary>已送出: the PI pressed 確定送出; locked until the office acts.</summary>
    Submitted = 1,

    /// <summary>退回修改: the office returned it with a reason; editable again and to be submitted again.</summary>
    Returned = 2,

    /// <summary>已確認: the office accepted it; locked.</summary>
    Accepted = 3,
}

/// <summary>What someone asks to do with a form.</summary>
public enum FormAction
{
    /// <summary>資料暫存.</summary>
    SaveDraft = 1,

    /// <summary>確定送出.</summary>
    Submit = 2,

    /// <summary>退回修改 (office, with a reason).</summary>
    Return = 3,

    /// <summary>確認 (office).</summary>
    Accept = 4,

    /// <summary>重新開放: the office unlocks a submitted or accepted form (with a reason).</summary>
    Reopen = 5,

    /// <summary>展延: the office lets one project fill and submit after the period's deadline.</summary>
    GrantExtension = 6,
}

/// <summary>Who acts, as far as the workflow cares; the web layer derives it from the user's role on the project.</summary>
public enum Actor
{
    /// <summary>計畫助理.</summary>
    Assistant = 1,

    /// <summary>計畫主持人.</summary>
    Pi = 2,

    /// <summary>計畫辦公室.</summary>
    Office = 3,
}

/// <summary>The two forms that go through the workflow.</summary>
public enum FormKind
{
    /// <summary>預期成果: one per project and programme year.</summary>
    ExpectedResults = 1,

    /// <summary>管考資料 (成果綜整表): one per project and reporting period.</summary>
    Evaluation = 2,
}

public static class WorkflowLabels
{
    public static string Label(this FormState state) => state switch
    {
        FormState.Draft => "草稿",
        FormState.Submitted => "已送出",
        FormState.Returned => "退回修改",
        FormState.Accepted => "已確認",
        _ => state.ToString(),
    };

    public static string Label(this FormAction action) => action switch
    {
        FormAction.SaveDraft => "資料暫存",
        FormAction.Submit => "確定送出",
        FormAction.Return => "退回修改",
        FormAction.Accept => "確認",
        FormAction.Reopen => "重新開放",
        FormAction.GrantExtension => "展延",
        _ => action.ToString(),
    };

    public static string Label(this Actor actor) => actor switch
    {
        Actor.Assistant => "計畫助理",
        Actor.Pi => "計畫主持人",
        Actor.Office => "計畫辦公室",
        _ => actor.ToString(),
    };

    public static string Label(this FormKind kind) => kind switch
    {
        FormKind.ExpectedResults => "預期成果",
        FormKind.Evaluation => "管考資料",
        _ => kind.ToString(),
    };
}

/// <summary>The workflow fields every form carries; <see cref="WorkflowDecision.ApplyTo"/> writes them.</summary>
public interface IWorkflowForm
{
    FormState State { get; set; }

    /// <summary>展延期限 granted to this project for this form; null when none.</summary>
    DateOnly? ExtendedUntil { get; set; }

    /// <summary>The office's reason of the last 退回修改 or 重新開放, shown on the form until it is submitted again.</summary>
    string? ReturnReason { get; set; }
}
