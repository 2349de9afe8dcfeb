using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Progress;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Files;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Progress;

public static class ProgressTestData
{
    public const string UploaderId = "test-uploader";

    /// <summary>Bytes that start with the given signature and go on with varied filler, <paramref name="length"/> in all.</summary>
    public static byte[] FileStartingWith(byte[] signature, int length = 4096)
    {
        var content = new byte[length];
        new Random(length).NextBytes(content);
        signature.CopyTo(content, 0);
        return content;
    }

    public static byte[] Pdf(int length = 4096) => FileStartingWith("%PDF-1.7\n"u8.ToArray(), length);

    public static byte[] Zip(int length = 4096) => FileStartingWith([0x50, 0x4B, 0x03, 0x04], length);

    public static byte[] Exe(int length = 4096) => FileStartingWith([0x4D, 0x5A, 0x90, 0x00], length);

    public static byte[] ContentFor(string name) =>
        name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? Zip() : Pdf();

    /// <summary>Stores a file through the real <see cref="AttachmentService"/> and saves its row, as an entry form will.</summary>
    public static async Task<Attachment> StoreAsync(PortalFactory factory, int projectId, string name, byte[] content)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<AttachmentService>();
        var upload = await service.StoreAsync(projectId, new MemoryStream(content), name, content.Length, UploaderId);
        Assert.True(upload.Succeeded, string.Join(" ", upload.Violations.Select(v => v.Message)));
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return upload.Attachment!;
    }

    public static Task<int> PeriodIdAsync(PortalFactory factory, ReportingPeriodKind kind = ReportingPeriodKind.FirstReport) =>
        factory.WithDbAsync(db => db.ReportingPeriods.Where(p => p.Kind == kind && p.ProgrammeYear!.Year == 2021).Select(p => p.Id).SingleAsync());

    public static PromotionActivity Activity(int projectId, int periodId, string name = "聯盟技術說明會") => new()
    {
        ProjectId = projectId,
        ReportingPeriodId = periodId,
        Name = name,
        Date = new DateOnly(2021, 5, 20),
        Place = "台南市成功大學",
        Participants = 42,
    };

    /// <summary>Every file the store holds (the incoming folder excluded).</summary>
    public static IReadOnlyList<string> StoredFiles(PortalFactory factory)
    {
        var root = Path.Combine(factory.StorageRoot, "attachments");
        return Directory.Exists(root)
            ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".incoming", StringComparison.Ordinal)).ToList()
            : [];
    }
}
