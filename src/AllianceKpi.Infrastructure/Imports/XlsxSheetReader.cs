using System.Globalization;
using System.IO.Packaging;
using System.Xml;
using AllianceKpi.Domain.Projects.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AllianceKpi.Infrastructure.Imports;

/// <summary>
/// The first worksheet of an .xlsx workbook as text rows: shared and inline strings, numbers (2021 rather than 2021.0),
/// booleans; cells placed by their reference (B3), so skipped cells stay empty.
/// </summary>
internal static class XlsxSheetReader
{
    /// <summary>Guards against a small file that unpacks into an enormous sheet.</summary>
    private const long MaxCharactersInPart = 20_000_000;

    public static bool HasZipSignature(byte[] content) =>
        content.Length >= 4 && content[0] == 0x50 && content[1] == 0x4B && content[2] == 0x03 && content[3] == 0x04;

    public static SpreadsheetContent Read(byte[] content)
    {
        if (!HasZipSignature(content))
        {
            return SpreadsheetContent.Failed(SpreadsheetProblem.NotAWorkbook);
        }
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var rows = ReadFirstSheet(document);
            return rows is null ? SpreadsheetContent.Failed(SpreadsheetProblem.NotAWorkbook) : new SpreadsheetContent(SpreadsheetProblem.None, rows);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException
                                       or IOException or InvalidOperationException or ArgumentException)
        {
            return SpreadsheetContent.Failed(SpreadsheetProblem.NotAWorkbook);
        }
    }

    private static List<SheetRow>? ReadFirstSheet(SpreadsheetDocument document)
    {
        var workbookPart = document.WorkbookPart;
        var sheet = workbookPart?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbookPart is null || sheet?.Id?.Value is not { } relationshipId
            || workbookPart.GetPartById(relationshipId) is not WorksheetPart worksheetPart)
        {
            return null;
        }
        var sharedStrings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>()
            .Select(item => item.InnerText).ToList() ?? [];
        var data = worksheetPart.Worksheet?.GetFirstChild<SheetData>();
        var rows = new List<SheetRow>();
        var previousRow = 0;
        foreach (var row in data?.Elements<Row>() ?? [])
        {
            var rowNumber = row.RowIndex?.Value is { } index ? (int)index : previousRow + 1;
            previousRow = rowNumber;
            rows.Add(new SheetRow(rowNumber, ReadCells(row, sharedStrings)));
        }
        return rows;
    }

    private static List<string> ReadCells(Row row, IReadOnlyList<string> sharedStrings)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
            if (column > 16_383)
            {
                continue;
            }
            while (cells.Count <= column)
            {
                cells.Add("");
            }
            cells[column] = TextOf(cell, sharedStrings);
        }
        return cells;
    }

    /// <summary>0-based column of a reference such as "B3" (1) or "AA10" (26); null when there is no usable reference.</summary>
    public static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }
            column = (column * 26) + (upper - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return null;
            }
        }
        return letters == 0 ? null : column - 1;
    }

    private static string TextOf(Cell cell, IReadOnlyList<string> sharedStrings)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
        }
        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var at) && at < sharedStrings.Count ? sharedStrings[at] : "";
        }
        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }
        if (type is null || type == CellValues.Number)
        {
            return NumberText(raw);
        }
        return raw;
    }

    /// <summary>A whole number as digits (2021, not 2021.0 or 2.021E3); any other number as written.</summary>
    private static string NumberText(string raw)
    {
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && Math.Abs(number) < 1e15 && number == Math.Floor(number))
        {
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        }
        return raw;
    }
}
