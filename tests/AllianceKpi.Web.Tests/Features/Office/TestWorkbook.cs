using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AllianceKpi.Web.Tests.Features.Office;

/// <summary>Builds .xlsx files as Excel writes them: text in the shared-string table, numbers as number cells, cells placed by reference.</summary>
public static class TestWorkbook
{
    /// <summary>Each row's cells: a string becomes a shared string, an int or double a number cell, null no cell at all.</summary>
    public static byte[] Build(IReadOnlyList<object?[]> rows, int firstRowNumber = 1)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var strings = new List<string>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var rowNumber = firstRowNumber + r;
                var row = new Row { RowIndex = (uint)rowNumber };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is { } value)
                    {
                        row.Append(CellOf(value, $"{(char)('A' + c)}{rowNumber}", strings));
                    }
                }
                data.Append(row);
            }
            var sharedStrings = workbookPart.AddNewPart<SharedStringTablePart>();
            sharedStrings.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook.AppendChild(new Sheets()).Append(
                new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = "通過計畫" });
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Cell CellOf(object value, string reference, List<string> strings)
    {
        if (value is string text)
        {
            var index = strings.IndexOf(text);
            if (index < 0)
            {
                strings.Add(text);
                index = strings.Count - 1;
            }
            return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
        }
        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        return new Cell { CellReference = reference, CellValue = new CellValue(number) };
    }
}
