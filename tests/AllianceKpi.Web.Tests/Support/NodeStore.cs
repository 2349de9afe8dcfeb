using System.Text.RegularExpressions;
using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Tests.Support;

/// <summary>
/// What the portal processes of a scale-out test share: one throwaway database (see <see cref="TestDatabase"/>) and one
/// Storage:Root, the settings a node starts with on them (demo calendar on 2021/06/01), and a context for checking the data.
/// </summary>
public sealed partial class NodeStore : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public NodeStore(string name) =>
        StorageRoot = Path.Combine(Path.GetTempPath(), "alliancekpi-tests", $"{name}-{Guid.NewGuid():N}");

    public string StorageRoot { get; }
    public DatabaseProvider Provider => _database.Provider;
    public string ConnectionString => _database.ConnectionString;

    /// <summary>The settings of a node on this store; only the first node seeds the demo data.</summary>
    public Dictionary<string, string> Settings(bool seed) => new()
    {
        ["Database:Provider"] = _database.Provider.ToString(),
        ["ConnectionStrings:Default"] = _database.ConnectionString,
        ["Storage:Root"] = StorageRoot,
        ["Demo:Seed"] = seed ? "true" : "false",
        ["Demo:Today"] = "2021-06-01",
    };

    public AppDbContext NewContext() =>
        new((DbContextOptions<AppDbContext>)DatabaseSetup.Configure(new DbContextOptionsBuilder<AppDbContext>(), _database.Provider, _database.ConnectionString).Options);

    /// <summary>A project's 工作進度 page, e.g. /projects/1/progress/2, as linked from the /progress list.</summary>
    [GeneratedRegex(@"^/projects/\d+/progress/\d+$")]
    public static partial Regex ProgressPage();

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        _database.Dispose();
        try
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
        catch (IOException)
        {
            // left for the system's temp clean-up
        }
    }
}
