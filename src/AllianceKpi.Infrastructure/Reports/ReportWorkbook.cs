namespace AllianceKpi.Infrastructure.Reports;

/// <summary>A workbook to write: sheets in order, each a header row and rows of typed cells. Knows nothing of the web.</summary>
public sealed record ReportWorkbook(IReadOnlyList<ReportSheet> Sheets);

/// <summary>One sheet: its name (at most 31 characters, none of []:*?/\), its columns and its rows (one cell per column).</summary>
public sealed record ReportSheet(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);

/// <summary>A column's header text and its width in characters.</summary>
public sealed record ReportColumn(string Header, double Width);

/// <summary>A typed cell: text, a date, an amount (3 decimals), a whole number or a percentage; <see cref="Empty"/> writes nothing.</summary>
public abstract record ReportCell
{
    public static ReportCell Empty { get; } = new TextCell("");

    public static ReportCell Text(string? text) => new TextCell(text ?? "");

    public static ReportCell Date(DateOnly date) => new DateCell(date);

    public static ReportCell Amount(decimal amount) => new AmountCell(amount);

    public static ReportCell Amount(decimal? amount) => amount is { } a ? new AmountCell(a) : Empty;

    public static ReportCell Whole(int number) => new WholeCell(number);

    /// <summary>A rate given in percent (120.0 for 120%), written as the fraction 1.2 and shown 120.0%; null writes nothing.</summary>
    public static ReportCell Percent(decimal? percent) => percent is { } p ? new PercentCell(p / 100m) : Empty;
}

public sealed record TextCell(string Value) : ReportCell;

public sealed record DateCell(DateOnly Value) : ReportCell;

public sealed record AmountCell(decimal Value) : ReportCell;

public sealed record WholeCell(int Value) : ReportCell;

/// <summary>A fraction (1.2) shown as a percentage with one decimal (120.0%).</summary>
public sealed record PercentCell(decimal Fraction) : ReportCell;
