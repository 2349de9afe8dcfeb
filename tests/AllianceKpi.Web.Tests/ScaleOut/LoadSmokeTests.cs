using System.Diagnostics;
using System.Globalization;
using AllianceKpi.Bench.Reports;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AllianceKpi.Web.Tests.ScaleOut;

/// <summary>
/// The short form of the load bench (bench/README.md, "Load"), with the bench's own generator, seeding and figures (linked
/// source files): the built portal as its own process, signed-in users each owning an alliance, the deadline-day mix and a
/// short deadline hour. Asserted: no error (no unexpected status, no failure), some of every request kind, and every save the
/// portal acknowledged in the database with the value sent. The figures go to the test output only: speed is measured by the
/// bench, never asserted by a test. On SQLite in the SQLite run, on PostgreSQL in the PostgreSQL run.
/// </summary>
public sealed class LoadSmokeTests(LoadPortal portal, ITestOutputHelper output) : IClassFixture<LoadPortal>
{
    [Fact]
    public async Task MixedTrafficOfSixteenUsersOnEightConnectionsLosesNoAcknowledgedSave()
    {
        var clients = await SignedInAsync(LoadPortal.MixUsers);
        await clients[0].GetAsync(portal.Pdf); // prints and stores once; the load downloads the cached summary
        var result = await LoadMeasure.RunAsync(clients, TimeSpan.FromSeconds(4), c => c.MixAsync(portal.Pdf), workers: 8);

        Report($"mix: {clients.Count} users", "connections", "8", result);
        AssertNoErrors(result, ["members page", "member edit form", "member save", "evaluation autosave", "cached summary PDF"]);
        await AssertAcknowledgedSavesKeptAsync(clients);
    }

    [Fact]
    public async Task DeadlineRushOfFiftyUsersSavingAfterRandomPausesLosesNoAcknowledgedSave()
    {
        var clients = await SignedInAsync(LoadPortal.DeadlineUsers);
        var result = await LoadMeasure.RunAsync(clients, TimeSpan.FromSeconds(5), c => c.SaveAfterPauseAsync(TimeSpan.FromSeconds(1)));

        Report("deadline: each saving after a pause of 0–2 s", "users", clients.Count.ToString(CultureInfo.InvariantCulture), result);
        AssertNoErrors(result, ["member edit form", "member save", "evaluation autosave"]);
        await AssertAcknowledgedSavesKeptAsync(clients);
    }

    private async Task<IReadOnlyList<LoadClient>> SignedInAsync(int count)
    {
        var watch = Stopwatch.StartNew();
        var clients = await portal.ClientsAsync(count);
        output.WriteLine($"{portal.Setup}; {count} users signed in (those the other test had not) in {watch.Elapsed.TotalSeconds:0.0} s");
        return clients;
    }

    private void Report(string title, string column, string level, LoadResult result)
    {
        output.WriteLine($"{TestDatabase.ProviderUnderTest}, {title}, {result.Seconds:0.0} s (figures only: not asserted)");
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, LoadResult.Header, column));
        foreach (var row in result.Rows(level, "requests"))
        {
            output.WriteLine(row);
        }
    }

    private static void AssertNoErrors(LoadResult result, string[] kinds)
    {
        Assert.True(result.Errors == 0, $"{result.Errors} errors: {string.Join(" / ", result.Messages.Take(5))}");
        Assert.All(kinds, kind => Assert.True(result.CountOf(kind) > 0, $"no {kind} request was made"));
    }

    /// <summary>Every member save answered 302 and every autosave answered 200 is in the database with the value sent last.</summary>
    private async Task AssertAcknowledgedSavesKeptAsync(IReadOnlyList<LoadClient> clients)
    {
        await using var db = portal.Store.NewContext();
        var saved = clients.SelectMany(c => c.SavedRepresentatives).ToList();
        var ids = saved.Select(s => s.Key).ToList();
        var stored = await db.AllianceMembers.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Representative);
        var lostMembers = saved.Where(s => stored.GetValueOrDefault(s.Key) != s.Value).Select(s => $"member {s.Key}: sent {s.Value}, stored {stored.GetValueOrDefault(s.Key)}").ToList();

        var drafts = clients.Where(c => c.SavedDraft is not null).ToDictionary(c => c.User.ProjectId, c => c.SavedDraft!.Value);
        var projects = drafts.Keys.ToList();
        var forms = await db.EvaluationForms.AsNoTracking().Include(f => f.Items)
            .Where(f => projects.Contains(f.ProjectId) && f.ReportingPeriodId == portal.OpenPeriod).ToDictionaryAsync(f => f.ProjectId);
        var lostDrafts = drafts.Where(d => !forms.TryGetValue(d.Key, out var form) || form.ItemOf(1)?.Narrative != d.Value.Narrative || form.Masters != d.Value.Masters)
            .Select(d => $"project {d.Key}: sent {d.Value.Narrative} / {d.Value.Masters}").ToList();

        output.WriteLine($"acknowledged: {saved.Count} members (last save of each), {drafts.Count} evaluation drafts (last autosave of each)");
        Assert.True(saved.Count > 0 && drafts.Count > 0, "nothing was acknowledged");
        Assert.True(lostMembers.Count == 0, "acknowledged member saves missing: " + string.Join("; ", lostMembers.Take(5)));
        Assert.True(lostDrafts.Count == 0, "acknowledged autosaves missing: " + string.Join("; ", lostDrafts.Take(5)));
    }
}

/// <summary>
/// The portal of the load smoke tests: the built portal as its own process on the database under test (calendar on 2021/11/05,
/// the 第二次填報 open, sign-in limits raised as in the bench), 50 bench users each with an alliance of 20 members, and one
/// shared submitted alliance whose summary PDF the mix downloads. Users are signed in once, when a test first needs them: the
/// mix takes the first 16, the deadline rush all 50 (signing in is most of the set-up's time: PBKDF2 on purpose).
/// </summary>
public sealed class LoadPortal : IAsyncLifetime
{
    public const int MixUsers = 16;
    public const int DeadlineUsers = 50;
    private const int Members = 20;

    private readonly List<LoadClient> _clients = [];
    private PortalProcess? _node;

    public NodeStore Store { get; } = new("load");
    public List<LoadUser> Users { get; private set; } = [];
    public int OpenPeriod { get; private set; }
    public string Pdf { get; private set; } = "";

    /// <summary>How long the start and the seeding took, for the test output.</summary>
    public string Setup { get; private set; } = "";
    private PortalProcess Node => _node ?? throw new InvalidOperationException("The portal has not started.");

    public async Task InitializeAsync()
    {
        var settings = Store.Settings(seed: true);
        settings["Demo:Today"] = "2021-11-05";
        settings["RateLimits:SignIn:PermitLimit"] = "100000";
        settings["RateLimits:AccountForms:PermitLimit"] = "100000";
        if (Environment.GetEnvironmentVariable("AK_CHROMIUM") is { Length: > 0 } chromium)
        {
            settings["Pdf:ChromiumPath"] = chromium;
        }
        var watch = Stopwatch.StartNew();
        _node = await PortalProcess.StartAsync(settings);
        var started = watch.Elapsed;

        var data = new SyntheticData(Store.ConnectionString, Store.Provider);
        var first = await LoadData.PeriodAsync(data, ReportingPeriodKind.FirstReport);
        OpenPeriod = await LoadData.PeriodAsync(data, ReportingPeriodKind.SecondReport);
        int shared;
        await using (var db = data.OpenContext())
        {
            shared = (await SyntheticData.AllianceWithMembersAsync(db, "2021LOAD_SUBMIT", first, Members)).Id;
        }
        await data.SubmitAsync(shared, first);
        Users = await LoadData.UsersAsync(data, Math.Max(MixUsers, DeadlineUsers), OpenPeriod, shared, Members);
        Pdf = $"/projects/{shared}/summary/{first}.pdf?view=period";
        Setup = $"portal started in {started.TotalSeconds:0.0} s, {Users.Count} users and alliances seeded in {(watch.Elapsed - started).TotalSeconds:0.0} s";
    }

    /// <summary>The first <paramref name="count"/> users signed in (eight at a time, kept for the next test); each client is one connection with its own cookies.</summary>
    public async Task<IReadOnlyList<LoadClient>> ClientsAsync(int count)
    {
        foreach (var chunk in Users.Skip(_clients.Count).Take(count - _clients.Count).Chunk(8))
        {
            _clients.AddRange(await Task.WhenAll(chunk.Select(u => LoadClient.SignInAsync(new Uri(Node.BaseUrl), u, OpenPeriod))));
        }
        return _clients.Take(count).ToList();
    }

    public Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        _node?.Dispose();
        Store.Dispose();
        return Task.CompletedTask;
    }
}
