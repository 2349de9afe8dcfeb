using System.Text;
using Microsoft.Net.Http.Headers;

namespace AllianceKpi.Web.Features.Progress;

public static class DownloadHeaders
{
    /// <summary>
    /// <c>attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded name</c> (RFC 6266 / 5987): browsers take the
    /// UTF-8 name; old clients the fallback, in which every character outside printable ASCII, and " and \, becomes _.
    /// </summary>
    public static string Attachment(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment")
        {
            FileName = "\"" + AsciiFallback(fileName) + "\"",
            FileNameStar = fileName,
        };
        return header.ToString();
    }

    public static string AsciiFallback(string fileName)
    {
        var fallback = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            fallback.Append(c is < ' ' or > '~' or '"' or '\\' ? '_' : c);
        }
        return fallback.ToString();
    }
}
