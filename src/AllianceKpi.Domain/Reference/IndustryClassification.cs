namespace AllianceKpi.Domain.Reference;

/// <summary>One division (中類) of the 行政院主計總處行業標準分類, coded as the old platform showed it: section letter and ordinal, e.g. (A1)農、牧業.</summary>
public sealed record IndustryCategory(string Code, string Section, string SectionName, string Divisions, string Name)
{
    public string Display => $"({Code}){Name}";
}

/// <summary>The sections (大類) and divisions (中類) of the Standard Industrial Classification of the Republic of China (11th revision, 2021).</summary>
public static class IndustryClassification
{
    private static readonly (string Section, string SectionName, (string Divisions, string Name)[] Divisions)[] Table =
    [
        ("A", "農、林、漁、牧業", [("01", "農、牧業"), ("02", "林業"), ("03", "漁業")]),
        ("B", "礦業及土石採取業", [("05", "石油及天然氣礦業"), ("06", "砂、石及黏土採取業"), ("07", "其他礦業及土石採取業")]),
        ("C", "製造業",
        [
            ("08", "食品及飼品製造業"), ("09", "飲料製造業"), ("10", "菸草製造業"), ("11", "紡織業"),
            ("12", "成衣及服飾品製造業"), ("13", "皮革、毛皮及其製品製造業"), ("14", "木竹製品製造業"),
            ("15", "紙漿、紙及紙製品製造業"), ("16", "印刷及資料儲存媒體複製業"), ("17", "石油及煤製品製造業"),
            ("18", "化學原材料、肥料、氮化合物、塑橡膠原料及人造纖維製造業"), ("19", "其他化學製品製造業"),
            ("20", "藥品及醫用化學製品製造業"), ("21", "橡膠製品製造業"), ("22", "塑膠製品製造業"),
            ("23", "非金屬礦物製品製造業"), ("24", "基本金屬製造業"), ("25", "金屬製品製造業"),
            ("26", "電子零組件製造業"), ("27", "電腦、電子產品及光學製品製造業"), ("28", "電力設備及配備製造業"),
            ("29", "機械設備製造業"), ("30", "汽車及其零件製造業"), ("31", "其他運輸工具及其零件製造業"),
            ("32", "家具製造業"), ("33", "其他製造業"), ("34", "產業用機械設備維修及安裝業"),
        ]),
        ("D", "電力及燃氣供應業", [("35", "電力及燃氣供應業")]),
        ("E", "用水供應及污染整治業", [("36", "用水供應業"), ("37", "廢(污)水處理業"), ("38", "廢棄物清除、處理及資源物回收處理業"), ("39", "污染整治業")]),
        ("F", "營建工程業", [("41", "建築工程業"), ("42", "土木工程業"), ("43", "專門營造業")]),
        ("G", "批發及零售業", [("45-46", "批發業"), ("47-48", "零售業")]),
        ("H", "運輸及倉儲業", [("49", "陸上運輸業"), ("50", "水上運輸業"), ("51", "航空運輸業"), ("52", "運輸輔助業"), ("53", "倉儲業"), ("54", "郵政及遞送服務業")]),
        ("I", "住宿及餐飲業", [("55", "住宿服務業"), ("56", "餐飲業")]),
        ("J", "出版影音及資通訊業", [("58", "出版業"), ("59", "影片服務、聲音錄製及音樂流通業"), ("60", "傳播及節目播送業"), ("61", "電信業"), ("62", "電腦程式設計、諮詢及相關服務業"), ("63", "資訊服務業")]),
        ("K", "金融及保險業", [("64", "金融中介業"), ("65", "保險業"), ("66", "證券期貨及其他金融業")]),
        ("L", "不動產業", [("67", "不動產開發業"), ("68", "不動產經營及相關服務業")]),
        ("M", "專業、科學及技術服務業",
        [
            ("69", "法律及會計服務業"), ("70", "企業總管理機構及管理顧問業"), ("71", "建築、工程服務及技術檢測、分析服務業"),
            ("72", "研究發展服務業"), ("73", "廣告業及市場研究業"), ("74", "專門設計業"), ("75", "獸醫業"),
            ("76", "其他專業、科學及技術服務業"),
        ]),
        ("N", "支援服務業", [("77", "租賃業"), ("78", "人力仲介及供應業"), ("79", "旅行及相關服務業"), ("80", "保全及偵探業"), ("81", "建築物及綠化服務業"), ("82", "行政支援服務業")]),
        ("O", "公共行政及國防；強制性社會安全", [("83", "公共行政及國防；強制性社會安全")]),
        ("P", "教育業", [("85", "教育業")]),
        ("Q", "醫療保健及社會工作服務業", [("86", "醫療保健業"), ("87", "居住型照顧服務業"), ("88", "其他社會工作服務業")]),
        ("R", "藝術、娛樂及休閒服務業", [("90", "創作及藝術表演業"), ("91", "圖書館、檔案保存、博物館及類似機構"), ("92", "博弈業"), ("93", "運動、娛樂及休閒服務業")]),
        ("S", "其他服務業", [("94", "宗教、職業及類似組織"), ("95", "個人及家庭用品維修業"), ("96", "未分類其他服務業")]),
    ];

    public static IReadOnlyList<IndustryCategory> All { get; } =
        Table.SelectMany(s => s.Divisions.Select((d, i) => new IndustryCategory($"{s.Section}{i + 1}", s.Section, s.SectionName, d.Divisions, d.Name)))
             .ToArray();

    private static readonly Dictionary<string, IndustryCategory> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static IndustryCategory? Find(string? code) =>
        code is not null && ByCode.TryGetValue(code.Trim(), out var category) ? category : null;

    public static string DisplayOf(string? code) => Find(code)?.Display ?? "";
}
