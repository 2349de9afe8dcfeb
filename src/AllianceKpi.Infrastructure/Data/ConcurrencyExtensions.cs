using AllianceKpi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Infrastructure.Data;

/// <summary>Optimistic concurrency for edit forms that carry the Version they were built from.</summary>
public static class ConcurrencyExtensions
{
    /// <summary>
    /// Makes the save check against the version the user edited. False when the row has already moved on
    /// (someone else saved since the form was opened).
    /// </summary>
    public static bool ExpectVersion<T>(this DbContext db, T entity, Guid editedVersion) where T : class, IVersioned
    {
        if (entity.Version != editedVersion)
        {
            return false;
        }
        db.Entry(entity).Property(e => e.Version).OriginalValue = editedVersion;
        return true;
    }

    /// <summary>Saves; false when another save got in between (the row's version changed under us).</summary>
    public static async Task<bool> TrySaveAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
