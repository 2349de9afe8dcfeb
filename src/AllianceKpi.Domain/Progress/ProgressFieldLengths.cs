namespace AllianceKpi.Domain.Progress;

/// <summary>The longest text each work-progress field may hold: the database columns and the forms' checks use the same numbers.</summary>
public static class ProgressFieldLengths
{
    /// <summary>公司名稱, 計畫名稱, 技轉名稱, titles, places, payers typed as free text.</summary>
    public const int Name = 200;

    public const int Representative = 100;
    public const int Phone = 50;

    /// <summary>統一編號: 8 digits.</summary>
    public const int TaxId = 8;

    public const int City = 20;
    public const int Street = 200;
    public const int Description = 1000;
    public const int PatentNumber = 50;

    /// <summary>企業規模 / 企業員工數 band labels.</summary>
    public const int Band = 50;

    /// <summary>Industry classification codes such as C26.</summary>
    public const int IndustryCode = 10;

    /// <summary>計畫來源, e.g. 科技部, 工業局.</summary>
    public const int Source = 100;

    // Attachments
    public const int StorageKey = 64;
    public const int FileName = 255;
    public const int ContentType = 100;
    public const int Sha256 = 64;
    public const int UserId = 450;
}
