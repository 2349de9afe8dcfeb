using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Files;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Features.Progress;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AllianceKpi.Web.Tests.ScaleOut;

/// <summary>
/// The web process killed with SIGKILL in the middle of a write load, then started again on the same database and files: every
/// save the portal had acknowledged (its redirect) is there, and no member row points at a missing attachment row or file.
/// On one SQLite file (WAL) in the SQLite run, on PostgreSQL in the PostgreSQL run. Only the web process dies: what is tested
/// is that a redirect is sent only after the commit. (The test run's PostgreSQL has fsync off for speed, which matters for a
/// crash of the machine, not of the web process; production keeps PostgreSQL's default, fsync on.)
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 4;
    private readonly NodeStore _store = new("crash");

    [Fact]
    public async Task EverySaveAcknowledgedBeforeAKillIsThereAfterTheRestart()
    {
        var acknowledged = new ConcurrentBag<string>();
        string members;
        var node = await PortalProcess.StartAsync(_store.Settings(seed: true));
        try
        {
            var jar = new CookieJar();
            using var client = node.Client(jar);
            await client.SignInAsync(DemoSeeder.AssistantEmail, DemoSeeder.Password);
            var list = await client.GetPageAsync("/progress");
            var progress = list.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").First(h => NodeStore.ProgressPage().IsMatch(h));
            members = $"{progress}/members";
            var token = await client.TokenAsync($"{members}/new");

            // Writers post new members with a file as fast as the node answers; the node is killed once enough were acknowledged.
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(async () =>
            {
                using var writer = node.Client(jar);
                for (var i = 1; !stop.IsCancellationRequested; i++)
                {
                    var name = $"斷電測試{w}之{i}股份有限公司";
                    try
                    {
                        using var form = MemberForm(name, token);
                        var response = await writer.Http.PostAsync($"{members}/new", form);
                        if (response.StatusCode == HttpStatusCode.Redirect)
                        {
                            acknowledged.Add(name);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return; // the node is gone
                    }
                }
            })).ToList();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (acknowledged.Count < 40 && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }
            node.Dispose(); // SIGKILL, whatever is in flight
            stop.Cancel();
            await Task.WhenAll(writers);
        }
        finally
        {
            node.Dispose();
        }
        output.WriteLine($"{acknowledged.Count} saves acknowledged before the kill");
        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} saves were acknowledged before the kill");

        using var restarted = await PortalProcess.StartAsync(_store.Settings(seed: false));
        await using (var db = _store.NewContext())
        {
            var saved = await db.AllianceMembers.AsNoTracking().Where(m => m.CompanyName.StartsWith("斷電測試"))
                .Select(m => new { m.CompanyName, m.AttachmentId }).ToListAsync();
            output.WriteLine($"{saved.Count} members found after the restart");
            Assert.Empty(acknowledged.Except(saved.Select(m => m.CompanyName)));

            // Nothing half-written: every member that made it has its attachment row, and that row its file with all its bytes.
            var store = new LocalFileStore(Path.Combine(_store.StorageRoot, "attachments"));
            var ids = saved.Select(m => m.AttachmentId).ToList();
            Assert.DoesNotContain(null, ids);
            var files = await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync();
            Assert.Equal(saved.Count, files.Count);
            Assert.All(files, a => Assert.Equal(a.Length, new FileInfo(store.PathOf(a.StorageKey)).Length));
        }

        // And the restarted node serves them.
        using var again = restarted.Client(new CookieJar());
        await again.SignInAsync(DemoSeeder.AssistantEmail, DemoSeeder.Password);
        var page = await again.GetPageAsync(members);
        Assert.All(acknowledged, name => Assert.Contains(name, page.Body!.TextContent));
    }

    private static MultipartFormDataContent MemberForm(string company, string token)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in MemberTestData.Company(company))
        {
            content.Add(new StringContent(value), key);
        }
        var bytes = new ByteArrayContent(ProgressTestData.Pdf(8192));
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(bytes, "Form.Attachment", "合約.pdf");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return content;
    }

    public void Dispose() => _store.Dispose();
}
