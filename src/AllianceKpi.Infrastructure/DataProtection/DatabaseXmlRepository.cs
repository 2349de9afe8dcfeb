using System.Xml.Linq;
using AllianceKpi.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Infrastructure.DataProtection;

/// <summary>
/// The Data Protection key ring in the DataProtectionKeys table, so that every web node protects and unprotects sign-in
/// cookies, anti-forgery tokens and TempData with the same keys (decision 0021). Each call uses a fresh scope and context:
/// the key manager is a singleton and calls rarely (at start, then about once a day, or when it meets an unknown key).
/// Rows are only ever added; two nodes that create a key at the same moment both store theirs, and both keys stay valid.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, ILogger<DatabaseXmlRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => new { k.Id, k.Xml }).ToList();
        var elements = new List<XElement>(rows.Count);
        foreach (var row in rows)
        {
            try
            {
                elements.Add(XElement.Parse(row.Xml));
            }
            catch (System.Xml.XmlException error)
            {
                // One damaged row must not take the whole key ring (and every signed-in user) down with it.
                logger.LogError(error, "Data Protection key row {Id} is not valid XML and is ignored.", row.Id);
            }
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = Shorten(friendlyName),
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
        logger.LogInformation("Data Protection key element {FriendlyName} stored in the database.", friendlyName);
    }

    /// <summary>
    /// Copies the key files an earlier version kept in a folder (Storage:Root/keys) into the table when the table is still
    /// empty, so that cookies and open forms of the upgraded site stay valid. Returns how many were copied.
    /// </summary>
    public static async Task<int> ImportFolderOnceAsync(AppDbContext db, string folder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var files = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var element = XElement.Load(file);
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Shorten(Path.GetFileNameWithoutExtension(file)),
                Xml = element.ToString(SaveOptions.DisableFormatting),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return files.Count;
    }

    private static string? Shorten(string? name) =>
        name is { Length: > DataProtectionKey.MaxFriendlyNameLength } ? name[..DataProtectionKey.MaxFriendlyNameLength] : name;
}

public static class DatabaseKeyRingRegistration
{
    /// <summary>Keeps the key ring in the portal's database (the DataProtectionKeys table) instead of a node's own folder.</summary>
    public static IDataProtectionBuilder PersistKeysToAppDatabase(this IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseXmlRepository>();
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = services.GetRequiredService<DatabaseXmlRepository>()));
        return builder;
    }
}
