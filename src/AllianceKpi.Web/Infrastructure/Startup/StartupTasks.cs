using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.DataProtection;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AllianceKpi.Web.Infrastructure.Startup;

/// <summary>Before the portal serves: apply migrations, create roles and the configured administrator, seed demo data.</summary>
public sealed class StartupTasks(
    IServiceProvider services,
    PortalSettings settings,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.StorageRoot);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        await PrepareKeyRingAsync(db, cancellationToken);
        var accounts = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
        await accounts.EnsureRolesAsync();
        if (settings.AdminEmail is not null)
        {
            await accounts.EnsureAccountAsync(settings.AdminEmail, "系統管理員", settings.AdminInitialPassword, AppRoles.Admin);
        }
        if (settings.SeedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
        lifetime.ApplicationStarted.Register(AnnounceAddresses);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The key ring lives in the database (decision 0021): keys an earlier version kept in Storage:Root/keys are copied in
    /// once, then one protect call makes the first node that starts create the first key, before any request arrives.
    /// </summary>
    private async Task PrepareKeyRingAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var imported = await DatabaseXmlRepository.ImportFolderOnceAsync(db, Path.Combine(settings.StorageRoot, "keys"), cancellationToken);
        if (imported > 0)
        {
            logger.LogInformation("Copied {Count} Data Protection key files from Storage:Root/keys into the database.", imported);
        }
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("AllianceKpi.Startup").Protect("key ring ready");
    }

    private void AnnounceAddresses()
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            logger.LogInformation("AllianceKpi is serving at {Address} (database: {Provider})", address, settings.Provider);
        }
        var chromium = configuration["Pdf:ChromiumPath"];
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
        {
            logger.LogWarning(
                "PDF reports are unavailable: Chromium was not found at '{Path}'. Install it with 'apt-get install -y chromium fonts-noto-cjk' " +
                "or set Pdf:ChromiumPath. (PDF 報表暫停使用：找不到 Chromium。)", chromium);
        }
        if (settings.SeedDemo)
        {
            logger.LogInformation(
                "Demo accounts (password {Password}): {Admin} 系統管理員, {Office} 計畫辦公室, {Pi} 計畫主持人, {Assistant} 計畫助理",
                DemoSeeder.Password, DemoSeeder.AdminEmail, DemoSeeder.OfficeEmail, DemoSeeder.PiEmail, DemoSeeder.AssistantEmail);
        }
        if (settings.DemoToday is { } today)
        {
            logger.LogWarning("Demo calendar: the portal's clock starts on {Today} (Demo:Today), not the real date. (示範模式：系統日期自 {DemoDay} 起算。)",
                today.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture),
                today.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
