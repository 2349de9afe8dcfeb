using AllianceKpi.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Home;

public sealed record QaRow(int Id, string Question, IReadOnlyList<string> AnswerLines);

public sealed record QaViewModel(IReadOnlyList<QaRow> Entries);

public sealed class QaHandler(AppDbContext db)
{
    public async Task<QaViewModel> ListAsync(CancellationToken cancellationToken)
    {
        var entries = await db.QaEntries.AsNoTracking()
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id)
            .ToListAsync(cancellationToken);
        return new QaViewModel(entries.Select(q => new QaRow(q.Id, q.Question, TextLines.Of(q.Answer))).ToList());
    }
}
