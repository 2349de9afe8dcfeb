using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Web.Features.Progress.Income;

public sealed record IncomeRow(OperatingIncome Income, string PeriodLabel, string Payer, Verdict? Verdict);

public sealed record IncomePage(ProgressContext Context, IReadOnlyList<IncomeRow> Rows);

public sealed record IncomeFormPage(ProgressContext Context, IncomeForm Form, int? EntryId, CurrentAttachment? Current,
    IReadOnlyList<MemberChoice> Members)
{
    public string Action => EntryId is { } id ? $"{Context.BaseUrl}/income/{id}/edit" : $"{Context.BaseUrl}/income/new";
}

/// <summary>聯盟營運收入 of one project and period: list, form, save and delete; every query is scoped to the project.</summary>
public sealed class IncomeHandler(AppDbContext db, EntrySaveHandler saver) : IEntryPages<IncomeForm>
{
    public EntryKind Kind => EntryKind.OperatingIncome;

    public IncomePage Page(ProgressContext context) => new(context, context.Entries.Incomes
        .Where(e => e.ReportingPeriodId == context.PeriodId)
        .Select(e => new IncomeRow(e, context.PeriodLabel(e.ReportingPeriodId), PayerChoices.NameOf(context, e),
            context.VerdictOf(EntryKind.OperatingIncome, e.Id)))
        .ToList());

    public IncomeFormPage NewForm(ProgressContext context) => new(context, new IncomeForm(), null, null, PayerChoices.UpToPeriod(context));

    public async Task<IncomeFormPage?> EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var income = context.Entries.Incomes.FirstOrDefault(e => e.Id == id && e.ReportingPeriodId == context.PeriodId);
        return income is null ? null : await RedisplayAsync(context, IncomeForm.From(income), id, cancellationToken);
    }

    public async Task<IncomeFormPage> RedisplayAsync(ProgressContext context, IncomeForm form, int? id, CancellationToken cancellationToken)
    {
        var attachmentId = context.Entries.Incomes.FirstOrDefault(e => e.Id == id)?.AttachmentId;
        var current = await saver.CurrentAttachmentAsync(context.ProjectId, attachmentId, cancellationToken);
        return new IncomeFormPage(context, form, id, current, PayerChoices.UpToPeriod(context));
    }

    public async Task<EntrySaveOutcome> SaveAsync(ProgressContext context, int? id, IncomeForm form, string userId,
        ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var income = id is null ? new OperatingIncome() : await TrackedAsync(context, id.Value, cancellationToken);
        if (income is null)
        {
            return EntrySaveOutcome.NotFound;
        }
        modelState.AddViolations(form.Check(PayerChoices.UpToPeriod(context)), EntrySaveHandler.Prefix);
        var save = new EntrySave<OperatingIncome>(context, income, id is null, form.Version, form.Attachment, form.ApplyTo);
        var savedId = await saver.SaveAsync(save, userId, modelState, cancellationToken);
        return savedId is null ? EntrySaveOutcome.Refused : new EntrySaveOutcome(true, savedId, null);
    }

    public async Task<DeleteOutcome> DeleteAsync(ProgressContext context, int id, CancellationToken cancellationToken)
    {
        var income = await TrackedAsync(context, id, cancellationToken);
        if (income is null)
        {
            return DeleteOutcome.NotFound;
        }
        await saver.DeleteAsync(income, cancellationToken);
        return DeleteOutcome.Deleted;
    }


    object IEntryPages<IncomeForm>.Page(ProgressContext context) => Page(context);

    object IEntryPages<IncomeForm>.NewForm(ProgressContext context) => NewForm(context);

    async Task<object?> IEntryPages<IncomeForm>.EditFormAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        await EditFormAsync(context, id, cancellationToken);

    async Task<object> IEntryPages<IncomeForm>.RedisplayAsync(ProgressContext context, IncomeForm form, int? id, CancellationToken cancellationToken) =>
        await RedisplayAsync(context, form, id, cancellationToken);

    private Task<OperatingIncome?> TrackedAsync(ProgressContext context, int id, CancellationToken cancellationToken) =>
        db.OperatingIncomes.FirstOrDefaultAsync(
            e => e.Id == id && e.ProjectId == context.ProjectId && e.ReportingPeriodId == context.PeriodId, cancellationToken);
}
