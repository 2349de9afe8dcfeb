using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace AllianceKpi.Web.Tests.Features.Reports;

/// <summary>Reads a downloaded .xlsx with the Open XML SDK: sheets by name, rows as cells, a cell's number format.</summary>
public sealed class Workbooks : IDisposable
{
    private readonly SpreadsheetDocument document;

    public Workbooks(byte[] bytes) => document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public IReadOnlyList<string> SheetNames => Sheets.Select(s => s.Name!.Value!).ToList();

    private IEnumerable<Sheet> Sheets => document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>();

    public Worksheet Worksheet(string name)
    {
        var sheet = Sheets.Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart!.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>The sheet's rows, each as cells by column letter.</summary>
    public IReadOnlyList<Dictionary<string, Cell>> Rows(string sheet) =>
        Worksheet(sheet).GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray())))
            .ToList();

    public IReadOnlyList<string> Header(string sheet) => Rows(sheet)[0].OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => Text(c.Value)).ToList();

    /// <summary>The row whose cells hold the text (e.g. an entry's name), with the header's texts as keys.</summary>
    public Dictionary<string, Cell> RowWith(string sheet, string text)
    {
        var rows = Rows(sheet);
        var header = rows[0].ToDictionary(c => c.Key, c => Text(c.Value));
        var row = rows.Skip(1).Single(r => r.Values.Any(c => Text(c) == text));
        return row.ToDictionary(c => header[c.Key], c => c.Value);
    }

    public bool HasRowWith(string sheet, string text) => Rows(sheet).Skip(1).Any(r => r.Values.Any(c => Text(c) == text));

    public static string Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString
        ? cell.InlineString!.InnerText
        : cell.CellValue?.Text ?? "";

    public static bool IsNumber(Cell cell) =>
        (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        && double.TryParse(cell.CellValue?.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    public static double Number(Cell cell) => double.Parse(cell.CellValue!.Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The format code of the cell's style ("General" when it has none).</summary>
    public string FormatCode(Cell cell)
    {
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return stylesheet.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value
            ?? (id == 0 ? "General" : $"builtin {id}");
    }

    public IReadOnlyList<string> ValidationErrors() =>
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

    public void Dispose() => document.Dispose();
}
