using System.Text;
using AllianceKpi.Domain.Projects.Import;
using CsvHelper;

namespace AllianceKpi.Infrastructure.Imports;

public enum SpreadsheetKind
{
    Xlsx = 1,
    Csv = 2,
}

public enum SpreadsheetProblem
{
    None = 0,
    /// <summary>Named .xlsx but not a readable Open XML workbook (e.g. another file renamed).</summary>
    NotAWorkbook = 1,
    /// <summary>Named .csv but holds binary content.</summary>
    NotText = 2,
    /// <summary>Text that is not valid UTF-8 (e.g. saved as Big5).</summary>
    NotUtf8 = 3,
}

/// <summary>The rows of a spreadsheet as text, or the reason it could not be read.</summary>
public sealed record SpreadsheetContent(SpreadsheetProblem Problem, IReadOnlyList<SheetRow> Rows)
{
    public static SpreadsheetContent Failed(SpreadsheetProblem problem) => new(problem, []);
}

/// <summary>Reads the first worksheet of an .xlsx workbook or a UTF-8 .csv file into rows of text cells.</summary>
public static class SpreadsheetReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The kind a file name announces, or null when it is neither .xlsx nor .csv.</summary>
    public static SpreadsheetKind? KindOf(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".xlsx" => SpreadsheetKind.Xlsx,
            ".csv" => SpreadsheetKind.Csv,
            _ => null,
        };

    /// <summary>Reads the content as the kind its name announces; the content must really be of that kind.</summary>
    public static SpreadsheetContent Read(byte[] content, SpreadsheetKind kind) =>
        kind == SpreadsheetKind.Xlsx ? XlsxSheetReader.Read(content) : ReadCsv(content);

    private static SpreadsheetContent ReadCsv(byte[] content)
    {
        if (Array.IndexOf(content, (byte)0) >= 0 || XlsxSheetReader.HasZipSignature(content))
        {
            return SpreadsheetContent.Failed(SpreadsheetProblem.NotText);
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return SpreadsheetContent.Failed(SpreadsheetProblem.NotUtf8);
        }
        return new SpreadsheetContent(SpreadsheetProblem.None, ParseCsv(text.TrimStart('\uFEFF')));
    }

    private static List<SheetRow> ParseCsv(string text)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            SkipEmptyLines = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        var rows = new List<SheetRow>();
        using var reader = CsvReader.FromText(text, options);
        var rowNumber = 0;
        while (reader.Read())
        {
            rowNumber++;
            var cells = new List<string>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(reader.GetString(i) ?? "");
            }
            rows.Add(new SheetRow(rowNumber, cells));
        }
        return rows;
    }
}
