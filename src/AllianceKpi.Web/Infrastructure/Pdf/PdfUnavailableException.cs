namespace AllianceKpi.Web.Infrastructure.Pdf;

/// <summary>
/// PDFs cannot be printed on this server: Chromium is missing or will not start. The message is written for the person
/// who runs the server (zh-TW and English) and may be shown on a friendly page.
/// </summary>
public sealed class PdfUnavailableException : Exception
{
    public const string InstallCommand = "apt-get install -y chromium fonts-noto-cjk";

    public PdfUnavailableException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    public static PdfUnavailableException ChromiumMissing(string path) => new(
        $"找不到 Chromium（{path}），因此無法產生 PDF。請由系統管理員執行「{InstallCommand}」安裝，或在設定 Pdf:ChromiumPath 指定 Chromium 的位置。"
        + $" Chromium was not found at {path}, so PDFs cannot be produced. Install it with '{InstallCommand}' or set Pdf:ChromiumPath.");

    public static PdfUnavailableException ChromiumFailedToStart(string path, Exception inner) => new(
        $"Chromium（{path}）無法啟動，因此無法產生 PDF。請確認已執行「{InstallCommand}」，並查看伺服器紀錄。"
        + $" Chromium at {path} failed to start, so PDFs cannot be produced. Check that '{InstallCommand}' has been run and see the server log.",
        inner);
}
