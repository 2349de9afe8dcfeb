using System.Text;

namespace AllianceKpi.Browser.Tests.Support;

/// <summary>A UTF-8 CSV written to its own temporary folder for a file chooser; the folder goes away on dispose.</summary>
public sealed class CsvFile : IDisposable
{
    public static readonly string[] ApprovedProjectsHeader = ["計畫編號", "計畫名稱", "年度", "主持人", "Email", "學校", "系所"];

    private readonly string _folder;

    public string Path { get; }

    private CsvFile(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    public static CsvFile Write(string fileName, params string[][] rows)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alliancekpi-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, fileName);
        File.WriteAllText(path, string.Join("\r\n", rows.Select(r => string.Join(",", r))) + "\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return new CsvFile(folder, path);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
