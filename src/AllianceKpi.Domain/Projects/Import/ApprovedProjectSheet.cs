using System.Globalization;

namespace AllianceKpi.Domain.Projects.Import;

/// <summary>One row of a spreadsheet as text cells, with its row number as the spreadsheet program shows it (1 = first row).</summary>
public sealed record SheetRow(int RowNumber, IReadOnlyList<string> Cells);

/// <summary>One approved project as read from the office's spreadsheet, every value trimmed.</summary>
public sealed record ApprovedProjectRow(
    int RowNumber,
    string Number,
    string Name,
    string YearText,
    string PrincipalInvestigatorName,
    string Email,
    string School,
    string Department)
{
    /// <summary>The Gregorian year: 2021 as written, or the ROC year 110 plus 1911; null when the text is no year.</summary>
    public int? Year => ApprovedProjectSheet.ParseYear(YearText);
}

/// <summary>
/// The spreadsheet of approved projects (通過計畫清單): a header row naming the columns in any order, then one project per row.
/// Turns text rows into <see cref="ApprovedProjectRow"/>s, or says what is wrong with the file as a whole.
/// </summary>
public sealed class ApprovedProjectSheet
{
    public const int MaxRows = 1000;
    public const string NumberColumn = "計畫編號";
    public const string NameColumn = "計畫名稱";
    public const string YearColumn = "年度";
    public const string PiColumn = "主持人";
    public const string EmailColumn = "Email";
    public const string SchoolColumn = "學校";
    public const string DepartmentColumn = "系所";

    public static readonly IReadOnlyList<string> Columns =
        [NumberColumn, NameColumn, YearColumn, PiColumn, EmailColumn, SchoolColumn, DepartmentColumn];

    /// <summary>Other headings people write for the same column; matched like the column's own name.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["E-mail"] = EmailColumn,
        ["電子信箱"] = EmailColumn,
        ["主持人姓名"] = PiColumn,
    };

    private ApprovedProjectSheet(IReadOnlyList<ApprovedProjectRow> rows, IReadOnlyList<string> errors)
    {
        Rows = rows;
        Errors = errors;
    }

    public IReadOnlyList<ApprovedProjectRow> Rows { get; }

    /// <summary>Problems of the file as a whole (missing columns, no rows, too many rows); when any, <see cref="Rows"/> is empty.</summary>
    public IReadOnlyList<string> Errors { get; }

    public static ApprovedProjectSheet From(IReadOnlyList<SheetRow> sheet)
    {
        var nonEmpty = sheet.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (nonEmpty.Count == 0)
        {
            return Failed("檔案是空的：第一列須為欄位名稱（" + string.Join("、", Columns) + "），其下每列一個計畫。");
        }
        var (positions, duplicates) = MapHeader(nonEmpty[0]);
        var missing = Columns.Where(c => !positions.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            return Failed($"缺少欄位：{string.Join("、", missing)}。第一列須為欄位名稱：{string.Join("、", Columns)}。");
        }
        if (duplicates.Count > 0)
        {
            return Failed($"欄位重複出現：{string.Join("、", duplicates.Distinct())}，每個欄位只能有一欄。");
        }
        var data = nonEmpty.Skip(1).ToList();
        if (data.Count == 0)
        {
            return Failed("檔案中沒有計畫資料：欄位名稱列之下請每列填一個計畫。");
        }
        if (data.Count > MaxRows)
        {
            return Failed($"一次最多匯入 {MaxRows} 個計畫，檔案中有 {data.Count} 列資料，請分批匯入。");
        }
        return new ApprovedProjectSheet(data.Select(r => ToRow(r, positions)).ToList(), []);
    }

    /// <summary>2021 stays 2021; a ROC year (1–299, e.g. 110 or 110年) becomes 2021. Anything else is no year.</summary>
    public static int? ParseYear(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.EndsWith('年'))
        {
            trimmed = trimmed[..^1].TrimEnd();
        }
        if (trimmed.StartsWith("民國", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..].TrimStart();
        }
        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return null;
        }
        return year switch
        {
            >= 1 and < 300 => year + Calendar.RocCalendar.Offset,
            >= 1900 and <= 2200 => year,
            _ => null,
        };
    }

    /// <summary>The position of each known column in the header row, and the columns that appear more than once.</summary>
    private static (Dictionary<string, int> Positions, List<string> Duplicates) MapHeader(SheetRow header)
    {
        var positions = new Dictionary<string, int>();
        var duplicates = new List<string>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var column = ColumnOf(header.Cells[i]);
            if (column is not null && !positions.TryAdd(column, i))
            {
                duplicates.Add(column);
            }
        }
        return (positions, duplicates);
    }

    private static string? ColumnOf(string heading)
    {
        var name = heading.Trim().Trim('\uFEFF').Trim();
        var column = Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        return column ?? (Aliases.TryGetValue(name, out var alias) ? alias : null);
    }

    private static ApprovedProjectRow ToRow(SheetRow row, Dictionary<string, int> positions)
    {
        string Cell(string column)
        {
            var at = positions[column];
            return at < row.Cells.Count ? row.Cells[at].Trim() : "";
        }

        return new ApprovedProjectRow(row.RowNumber, Cell(NumberColumn), Cell(NameColumn), Cell(YearColumn), Cell(PiColumn),
            Cell(EmailColumn), Cell(SchoolColumn), Cell(DepartmentColumn));
    }

    private static ApprovedProjectSheet Failed(string error) => new([], [error]);
}
