using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.DataProtection;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.ScaleOut;

/// <summary>The key ring in the DataProtectionKeys table, on the provider under test, without a web host.</summary>
public sealed class DatabaseKeyRingTests : IAsyncLifetime
{
    private readonly TestDatabase _database = TestDatabase.Create();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alliancekpi-tests", "keys-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        await using var db = NewContext();
        await DatabaseSetup.MigrateAsync(db);
    }

    private AppDbContext NewContext() =>
        new((DbContextOptions<AppDbContext>)DatabaseSetup.Configure(new DbContextOptionsBuilder<AppDbContext>(), _database.Provider, _database.ConnectionString).Options);

    /// <summary>A process's Data Protection as the portal registers it, with the key ring in the test database.</summary>
    private ServiceProvider Node()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAppDatabase(_database.Provider, _database.ConnectionString);
        services.AddDataProtection().SetApplicationName("AllianceKpi").PersistKeysToAppDatabase();
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider node) =>
        node.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

    [Fact]
    public async Task KeysAFolderHeldBeforeTheUpgradeAreCopiedOnceAndStillReadWhatTheyProtected()
    {
        var folderServices = new ServiceCollection();
        folderServices.AddDataProtection().SetApplicationName("AllianceKpi").PersistKeysToFileSystem(new DirectoryInfo(_folder));
        string protectedBeforeTheUpgrade;
        await using (var old = folderServices.BuildServiceProvider())
        {
            protectedBeforeTheUpgrade = Protector(old).Protect("會員合約表單");
        }

        await using (var db = NewContext())
        {
            Assert.Equal(1, await DatabaseXmlRepository.ImportFolderOnceAsync(db, _folder));
            Assert.Equal(0, await DatabaseXmlRepository.ImportFolderOnceAsync(db, _folder));
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }
        await using var node = Node();

        Assert.Equal("會員合約表單", Protector(node).Unprotect(protectedBeforeTheUpgrade));
        await using var db2 = NewContext();
        Assert.Equal(1, await db2.DataProtectionKeys.CountAsync()); // the imported key is used, no new one made
    }

    [Fact]
    public async Task TwoProcessesShareOneKeyAndADamagedRowIsSkipped()
    {
        string made;
        await using (var first = Node())
        {
            made = Protector(first).Protect("跨節點");
        }
        await using (var db = NewContext())
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "damaged", Xml = "<key id=" });
            await db.SaveChangesAsync();
        }

        await using var second = Node();

        Assert.Equal("跨節點", Protector(second).Unprotect(made));
        await using var check = NewContext();
        Assert.Equal(2, await check.DataProtectionKeys.CountAsync());
    }

    public Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        _database.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return Task.CompletedTask;
    }
}
