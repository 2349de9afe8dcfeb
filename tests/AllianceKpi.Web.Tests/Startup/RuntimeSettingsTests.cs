using System.Text.Json;

namespace AllianceKpi.Web.Tests.Startup;

/// <summary>
/// The portal's runtime configuration, as built, carries the memory settings measured in docs/performance.md (round 11):
/// a project file edited without them would bring a node back to 360–500 MB under load.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void ThePortalRunsTheWorkstationCollectorWithoutTieredPgoAndConservingMemory()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "AllianceKpi.Web.runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing: the portal's runtime configuration is copied beside its assembly.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var settings = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(settings.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(settings.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.False(settings.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.Equal(7, settings.GetProperty("System.GC.ConserveMemory").GetInt32());
    }
}
