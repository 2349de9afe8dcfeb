using System.Globalization;
using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Office.OfficeQa;

public sealed record QaListRow(int Id, int SortOrder, string Question);

public sealed record QaListViewModel(IReadOnlyList<QaListRow> Entries);

/// <summary>Q&amp;A 管理: entries in the public order (排序), with add, edit (version-guarded) and delete.</summary>
public sealed class OfficeQaHandler(AppDbContext db)
{
    public async Task<QaListViewModel> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.QaEntries.AsNoTracking()
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id)
            .Select(q => new QaListRow(q.Id, q.SortOrder, q.Question))
            .ToListAsync(cancellationToken);
        return new QaListViewModel(rows);
    }

    /// <summary>A new entry goes last unless the office says otherwise.</summary>
    public async Task<QaForm> NewFormAsync(CancellationToken cancellationToken)
    {
        var last = await db.QaEntries.MaxAsync(q => (int?)q.SortOrder, cancellationToken) ?? 0;
        return new QaForm { SortOrder = (last + 1).ToString(CultureInfo.InvariantCulture) };
    }

    public async Task<SaveResult> CreateAsync(QaForm form, CancellationToken cancellationToken)
    {
        var entry = new QaEntry();
        form.ApplyTo(entry);
        db.QaEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved;
    }

    public async Task<QaForm?> EditFormAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.QaEntries.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        return entry is null ? null : QaForm.From(entry);
    }

    public Task<bool> ExistsAsync(int id, CancellationToken cancellationToken) => db.QaEntries.AnyAsync(q => q.Id == id, cancellationToken);

    public async Task<SaveResult> UpdateAsync(int id, QaForm form, CancellationToken cancellationToken)
    {
        var entry = await db.QaEntries.FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (entry is null)
        {
            return SaveResult.NotFound;
        }
        if (!db.ExpectVersion(entry, form.Version))
        {
            return SaveResult.Conflict;
        }
        form.ApplyTo(entry);
        return await db.TrySaveAsync(cancellationToken) ? SaveResult.Saved : SaveResult.Conflict;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.QaEntries.FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (entry is null)
        {
            return false;
        }
        db.QaEntries.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
