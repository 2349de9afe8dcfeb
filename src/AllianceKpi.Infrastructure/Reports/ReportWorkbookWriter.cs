using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using AllianceKpi.Infrastructure.Imports;

namespace AllianceKpi.Infrastructure.Reports;

/// <summary>
/// Writes a <see cref="ReportWorkbook"/> as an .xlsx: a bold header row that stays in view (frozen) with an autofilter,
/// column widths, inline strings, dates as date serials shown yyyy/mm/dd, amounts as numbers shown 0.000 and rates as
/// fractions shown 0.0%.
/// </summary>
public static class ReportWorkbookWriter
{
    public const string DateFormat = "yyyy/mm/dd";
    public const string AmountFormat = "0.000";
    public const string PercentFormat = "0.0%";

    private const uint DateFormatId = 164;
    private const uint AmountFormatId = 165;
    private const uint PercentFormatId = 166;

    // Cell format indices of the stylesheet below.
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint AmountStyle = 3;
    private const uint WholeStyle = 4;
    private const uint PercentStyle = 5;

    public static byte[] Write(ReportWorkbook workbook)
    {
        if (workbook.Sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(workbook));
        }
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            styles.Stylesheet.Save();

            var sheets = new Sheets();
            var filters = new DefinedNames();
            for (var i = 0; i < workbook.Sheets.Count; i++)
            {
                var model = workbook.Sheets[i];
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(model, selected: i == 0);
                part.Worksheet.Save();
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = model.Name });
                filters.Append(new DefinedName(FilterRange(model, absolute: true, sheetName: model.Name))
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                });
            }
            workbookPart.Workbook.Append(sheets, filters);
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(ReportSheet model, bool selected)
    {
        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        view.Append(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });

        var columns = new Columns();
        for (var c = 0; c < model.Columns.Count; c++)
        {
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = model.Columns[c].Width, CustomWidth = true });
        }

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < model.Columns.Count; c++)
        {
            header.Append(TextCell(Reference(c, 1), model.Columns[c].Header, HeaderStyle));
        }
        data.Append(header);
        for (var r = 0; r < model.Rows.Count; r++)
        {
            var rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            var cells = model.Rows[r];
            if (cells.Count != model.Columns.Count)
            {
                throw new ArgumentException($"Sheet {model.Name}, row {r + 1}: {cells.Count} cells for {model.Columns.Count} columns.", nameof(model));
            }
            for (var c = 0; c < cells.Count; c++)
            {
                if (ToCell(Reference(c, rowIndex), cells[c]) is { } cell)
                {
                    row.Append(cell);
                }
            }
            data.Append(row);
        }

        return new Worksheet(new SheetViews(view), columns, data, new AutoFilter { Reference = FilterRange(model, absolute: false, sheetName: null) });
    }

    private static Cell? ToCell(string reference, ReportCell value) => value switch
    {
        TextCell { Value.Length: 0 } => null,
        TextCell text => TextCell(reference, text.Value, 0),
        DateCell date => NumberCell(reference, date.Value.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), DateStyle),
        AmountCell amount => NumberCell(reference, amount.Value.ToString(CultureInfo.InvariantCulture), AmountStyle),
        WholeCell whole => NumberCell(reference, whole.Value.ToString(CultureInfo.InvariantCulture), WholeStyle),
        PercentCell percent => NumberCell(reference, decimal.Round(percent.Fraction, 6).ToString(CultureInfo.InvariantCulture), PercentStyle),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static Cell TextCell(string reference, string text, uint style)
    {
        var cell = new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }) };
        if (style != 0)
        {
            cell.StyleIndex = style;
        }
        return cell;
    }

    private static Cell NumberCell(string reference, string number, uint style) =>
        new() { CellReference = reference, StyleIndex = style, CellValue = new CellValue(number) };

    /// <summary>Drops the control characters XML 1.0 cannot hold (tab, line feed and carriage return stay).</summary>
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length);
        foreach (var c in text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r'))
        {
            safe.Append(c);
        }
        return safe.ToString();
    }

    private static string Reference(int column, uint row) => SpreadsheetWriter.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A1:K7 (the header and every row), or 'Sheet'!$A$1:$K$7 for the defined name.</summary>
    private static string FilterRange(ReportSheet model, bool absolute, string? sheetName)
    {
        var last = SpreadsheetWriter.ColumnName(Math.Max(model.Columns.Count, 1) - 1);
        var lastRow = (model.Rows.Count + 1).ToString(CultureInfo.InvariantCulture);
        return absolute
            ? $"'{sheetName!.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${last}${lastRow}"
            : $"A1:{last}{lastRow}";
    }

    private static Stylesheet Stylesheet()
    {
        var numberingFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormat },
            new NumberingFormat { NumberFormatId = AmountFormatId, FormatCode = AmountFormat },
            new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = PercentFormat })
        { Count = 3 };
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" }))
        { Count = 2 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid }))
        { Count = 3 };
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 };
        var cellStyleFormats = new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 };
        var cellFormats = new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = DateFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = AmountFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = PercentFormatId, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 6 };
        var cellStyles = new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 };
        return new Stylesheet(numberingFormats, fonts, fills, borders, cellStyleFormats, cellFormats, cellStyles);
    }
}
