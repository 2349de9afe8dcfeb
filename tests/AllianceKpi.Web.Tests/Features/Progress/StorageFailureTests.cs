using System.Net;
using AllianceKpi.Infrastructure.Files;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>
/// The file store cannot write (a full disk, an unwritable Storage:Root): the entry form says so next to the file field, keeps
/// what was typed, and saves neither the entry nor an attachment row; once the store writes again the same entry saves.
/// </summary>
public sealed class StorageFailureTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    [Fact]
    public async Task AnUploadTheStoreCannotWriteIsRefusedNextToTheFileWithTheTypedFieldsKeptAndNoRows()
    {
        var people = await Personas.EnsureAsync(factory);
        var url = $"{Base(people.DemoProjectId, await PeriodAsync(factory))}/members/new";
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var (members, attachments) = await CountsAsync();

        // The store writes each upload under its root's .incoming folder first: a plain file in its place makes every write
        // fail with an IOException, as a full disk or a read-only mount would (the tests run as root, so permissions would not).
        var root = ((LocalFileStore)factory.Service<IFileStore>()).Root;
        var incoming = Path.Combine(root, ".incoming");
        if (Directory.Exists(incoming))
        {
            Directory.Delete(incoming, recursive: true);
        }
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(incoming, "not a folder");
        HttpResponseMessage refused;
        try
        {
            refused = await PostAsync(client, url, Company("儲存失敗公司"), url, ("合約.pdf", ProgressTestData.Pdf()));
        }
        finally
        {
            File.Delete(incoming);
        }

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = PortalClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(AttachmentService.StorageFailed, ErrorFor(page, "Attachment"));
        Assert.Equal("儲存失敗公司", ValueOf(page, "CompanyName"));
        Assert.Equal("2021/12/31", ValueOf(page, "ContractEnd"));
        Assert.Equal((members, attachments), await CountsAsync());

        var saved = await PostAsync(client, url, Company("儲存失敗公司"), url, ("合約.pdf", ProgressTestData.Pdf()));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((members + 1, attachments + 1), await CountsAsync());
    }

    private Task<(int Members, int Attachments)> CountsAsync() =>
        factory.WithDbAsync(async db => (await db.AllianceMembers.CountAsync(), await db.Attachments.CountAsync()));
}
