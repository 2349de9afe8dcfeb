using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Files;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static AllianceKpi.Web.Tests.Features.Progress.ProgressTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>The attachment service as the entry forms use it: refusals keep nothing, the row is saved with its entry, replacements clean up.</summary>
public sealed class AttachmentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Scope(AsyncServiceScope Inner, AppDbContext Db, AttachmentService Attachments) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Inner.DisposeAsync();
    }

    private Scope NewScope()
    {
        var scope = factory.Services.CreateAsyncScope();
        return new Scope(scope, scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<AttachmentService>());
    }

    private Task<int> AttachmentCountAsync() => factory.WithDbAsync(db => db.Attachments.CountAsync());

    [Theory]
    [InlineData("合約.pdf", "exe", "檔案內容與副檔名不符")]
    [InlineData("合約.exe", "exe", "僅限上傳文件、圖片及壓縮檔（pdf、doc、docx、xls、xlsx、odt、jpg、png、zip、7z、rar）")]
    [InlineData("會員.docx", "pdf", "檔案內容與副檔名不符")]
    [InlineData("空的.pdf", "empty", "檔案是空的")]
    [InlineData("太大.pdf", "big", "檔案大小限制10MB，上傳的檔案為 10.1MB")]
    public async Task ARefusedUploadKeepsNeitherFileNorRow(string name, string content, string message)
    {
        var personas = await Personas.EnsureAsync(factory);
        var bytes = content switch
        {
            "exe" => Exe(),
            "empty" => [],
            "big" => Pdf((int)Attachment.MaxBytes + 1),
            _ => Pdf(),
        };
        var filesBefore = StoredFiles(factory).Count;
        var rowsBefore = await AttachmentCountAsync();
        await using var scope = NewScope();

        var upload = await scope.Attachments.StoreAsync(personas.DemoProjectId, new FormFile(new MemoryStream(bytes), 0, bytes.Length, "File", name), UploaderId);
        await scope.Db.SaveChangesAsync();

        Assert.False(upload.Succeeded);
        Assert.Equal(message, Assert.Single(upload.Violations).Message);
        Assert.Equal(UploadCheck.Field, upload.Violations[0].Field);
        Assert.Equal(filesBefore, StoredFiles(factory).Count);
        Assert.Equal(rowsBefore, await AttachmentCountAsync());
    }

    [Fact]
    public async Task TheBytesReceivedDecideTheSizeNotTheLengthTheClientAnnounced()
    {
        var personas = await Personas.EnsureAsync(factory);
        var bytes = Pdf((int)Attachment.MaxBytes + 1);
        var filesBefore = StoredFiles(factory).Count;
        await using var scope = NewScope();

        var upload = await scope.Attachments.StoreAsync(personas.DemoProjectId, new MemoryStream(bytes), "小檔.pdf", 1000, UploaderId);

        Assert.Equal("檔案大小限制10MB，上傳的檔案為 10.1MB", Assert.Single(upload.Violations).Message);
        Assert.Equal(filesBefore, StoredFiles(factory).Count);
    }

    [Fact]
    public async Task AnEntryAndItsNewAttachmentAreSavedTogether()
    {
        var personas = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);
        await using var scope = NewScope();
        var upload = await scope.Attachments.StoreAsync(personas.DemoProjectId, new MemoryStream(Pdf()), "簽到表.pdf", 4096, UploaderId);
        var activity = Activity(personas.DemoProjectId, periodId, "一起存檔的活動");

        scope.Attachments.Link(activity, upload.Attachment!);
        scope.Db.PromotionActivities.Add(activity);
        await scope.Db.SaveChangesAsync();

        var saved = await factory.WithDbAsync(db => db.PromotionActivities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        var attachment = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.Id == saved.AttachmentId));
        Assert.Equal("簽到表.pdf", attachment.OriginalName);
        Assert.Equal(personas.DemoProjectId, attachment.ProjectId);
    }

    [Fact]
    public async Task AFailedEntrySaveLeavesNoRowAndTheDiscardedFileIsDeleted()
    {
        var personas = await Personas.EnsureAsync(factory);
        var filesBefore = StoredFiles(factory).Count;
        var rowsBefore = await AttachmentCountAsync();
        await using var scope = NewScope();
        var upload = await scope.Attachments.StoreAsync(personas.DemoProjectId, new MemoryStream(Pdf()), "失敗.pdf", 4096, UploaderId);
        Assert.Equal(filesBefore + 1, StoredFiles(factory).Count);
        var activity = Activity(personas.DemoProjectId, periodId: 987_654);
        scope.Attachments.Link(activity, upload.Attachment!);
        scope.Db.PromotionActivities.Add(activity);

        await Assert.ThrowsAsync<DbUpdateException>(() => scope.Db.SaveChangesAsync());
        await scope.Attachments.DiscardAsync(upload.Attachment!);

        Assert.Equal(rowsBefore, await AttachmentCountAsync());
        Assert.Equal(filesBefore, StoredFiles(factory).Count);
    }

    [Fact]
    public async Task AReplacedFileIsRemovedOnlyAfterTheEntryWasSaved()
    {
        var personas = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);
        var old = await StoreAsync(factory, personas.DemoProjectId, "舊合約.pdf", Pdf());
        var activity = Activity(personas.DemoProjectId, periodId);
        activity.AttachmentId = old.Id;
        await factory.WithDbAsync(db => db.PromotionActivities.Add(activity).Context.SaveChangesAsync());
        var oldPath = ((LocalFileStore)factory.Services.GetRequiredService<IFileStore>()).PathOf(old.StorageKey);

        await using var scope = NewScope();
        var entry = await scope.Db.PromotionActivities.SingleAsync(a => a.Id == activity.Id);
        var upload = await scope.Attachments.StoreAsync(personas.DemoProjectId, new MemoryStream(Pdf()), "新合約.pdf", 4096, UploaderId);
        var replaced = scope.Attachments.Link(entry, upload.Attachment!);
        Assert.Equal(old.Id, replaced);
        Assert.True(await scope.Db.TrySaveAsync());
        Assert.True(File.Exists(oldPath));
        await scope.Attachments.RemoveAsync(personas.DemoProjectId, replaced);

        Assert.False(File.Exists(oldPath));
        Assert.False(await factory.WithDbAsync(db => db.Attachments.AnyAsync(a => a.Id == old.Id)));
        var reread = await factory.WithDbAsync(db => db.PromotionActivities.AsNoTracking().SingleAsync(a => a.Id == activity.Id));
        Assert.Equal(upload.Attachment!.Id, reread.AttachmentId);
    }

    [Fact]
    public async Task AnAttachmentAnEntryStillPointsAtCannotBeDeleted()
    {
        var personas = await Personas.EnsureAsync(factory);
        var periodId = await PeriodIdAsync(factory);
        var held = await StoreAsync(factory, personas.DemoProjectId, "仍在使用.pdf", Pdf());
        var activity = Activity(personas.DemoProjectId, periodId);
        activity.AttachmentId = held.Id;
        await factory.WithDbAsync(db => db.PromotionActivities.Add(activity).Context.SaveChangesAsync());

        await using var scope = NewScope();
        await Assert.ThrowsAsync<DbUpdateException>(() => scope.Attachments.RemoveAsync(personas.DemoProjectId, held.Id));

        Assert.True(await factory.WithDbAsync(db => db.Attachments.AnyAsync(a => a.Id == held.Id)));
        await using var file = factory.Services.GetRequiredService<IFileStore>().OpenRead(held.StorageKey);
        Assert.NotNull(file);
    }

    [Fact]
    public async Task RemovingAnAttachmentOfAnotherProjectDoesNothing()
    {
        var personas = await Personas.EnsureAsync(factory);
        var foreign = await StoreAsync(factory, personas.OtherProjectId, "他人的.pdf", Pdf());
        await using var scope = NewScope();

        await scope.Attachments.RemoveAsync(personas.DemoProjectId, foreign.Id);

        Assert.True(await factory.WithDbAsync(db => db.Attachments.AnyAsync(a => a.Id == foreign.Id)));
    }

    [Fact]
    public void AnElevenMegabyteUploadGetsThroughTheRequestLimitsToTheSizeMessage()
    {
        const long elevenMegabytes = 11L * 1024 * 1024;
        var form = factory.Services.GetRequiredService<IOptions<FormOptions>>().Value;
        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.InRange(form.MultipartBodyLengthLimit, elevenMegabytes + 64 * 1024, 32L * 1024 * 1024);
        Assert.True(kestrel.Limits.MaxRequestBodySize > form.MultipartBodyLengthLimit);
    }
}
