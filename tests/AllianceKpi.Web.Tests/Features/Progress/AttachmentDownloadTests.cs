using System.Net;
using System.Security.Cryptography;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using static AllianceKpi.Web.Tests.Features.Progress.ProgressTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>Attachments go in through the real store and come out of GET /projects/{projectId}/attachments/{attachmentId}.</summary>
public sealed class AttachmentDownloadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(int projectId, int attachmentId) => $"/projects/{projectId}/attachments/{attachmentId}";

    [Theory]
    [InlineData("會員合約 2021#1 100%.pdf", "會員合約 2021#1 100%.pdf", "application/pdf")]
    [InlineData("a+b,c.docx", "a+b,c.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf", "application/pdf")]
    public async Task TheFileDownloadsUnderTheNameTheUserGaveIt(string uploadedAs, string expectedName, string expectedType)
    {
        var personas = await Personas.EnsureAsync(factory);
        var content = ContentFor(uploadedAs);
        var attachment = await StoreAsync(factory, personas.DemoProjectId, uploadedAs, content);
        Assert.Equal(expectedName, attachment.OriginalName);

        using var client = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var response = await client.GetAsync(Url(personas.DemoProjectId, attachment.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(expectedType, response.Content.Headers.ContentType?.MediaType);
        var disposition = ContentDispositionHeaderValue.Parse(response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("attachment", disposition.DispositionType.Value);
        Assert.Equal(expectedName, disposition.FileNameStar.Value);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task TheDispositionHeaderCarriesAnAsciiFallbackAndThePercentEncodedUtf8Name()
    {
        var personas = await Personas.EnsureAsync(factory);
        const string name = "會員合約 2021#1 100%.pdf";
        var attachment = await StoreAsync(factory, personas.DemoProjectId, name, Pdf());

        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var response = await client.GetAsync(Url(personas.DemoProjectId, attachment.Id));

        var header = response.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.StartsWith("attachment; filename=\"____ 2021#1 100%.pdf\"; filename*=UTF-8''", header);
        var encoded = header[(header.IndexOf("UTF-8''", StringComparison.Ordinal) + 7)..];
        Assert.StartsWith("%E6%9C%83%E5%93%A1%E5%90%88%E7%B4%84%20", encoded);
        Assert.DoesNotContain(' ', encoded);
        Assert.Contains("%25", encoded);
        Assert.Equal(name, Uri.UnescapeDataString(encoded));
        Assert.All(header, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public async Task TheFileIsKeptUnderAGeneratedKeyWithItsSha256()
    {
        var personas = await Personas.EnsureAsync(factory);
        var content = Pdf(50_000);
        var attachment = await StoreAsync(factory, personas.DemoProjectId, "憑證 2021.pdf", content);

        var saved = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.Id == attachment.Id));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), saved.Sha256);
        Assert.Equal(content.Length, saved.Length);
        Assert.Matches("^[0-9a-f]{32}$", saved.StorageKey);
        Assert.Equal(UploaderId, saved.UploadedByUserId);
        var path = Path.Combine(factory.StorageRoot, "attachments", saved.StorageKey[..2], saved.StorageKey[2..4], saved.StorageKey);
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task ThePiOfAnotherProjectIsRefusedByThePolicy()
    {
        var personas = await Personas.EnsureAsync(factory);
        var attachment = await StoreAsync(factory, personas.DemoProjectId, "合約.pdf", Pdf());

        using var client = await factory.SignedInAsync(Personas.OtherPiEmail);
        var response = await client.GetAsync(Url(personas.DemoProjectId, attachment.Id));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnAttachmentOfAnotherProjectIsNotFoundThroughOnesOwnProject()
    {
        var personas = await Personas.EnsureAsync(factory);
        var foreign = await StoreAsync(factory, personas.OtherProjectId, "他人的合約.pdf", Pdf());

        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var throughOwnProject = await client.GetAsync(Url(personas.DemoProjectId, foreign.Id));
        var throughTheirProject = await client.GetAsync(Url(personas.OtherProjectId, foreign.Id));

        Assert.Equal(HttpStatusCode.NotFound, throughOwnProject.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, throughTheirProject.StatusCode);
    }

    [Fact]
    public async Task AVisitorIsSentToTheLoginPage()
    {
        var personas = await Personas.EnsureAsync(factory);
        var attachment = await StoreAsync(factory, personas.DemoProjectId, "合約.pdf", Pdf());

        using var client = factory.NewClient();
        var response = await client.GetAsync(Url(personas.DemoProjectId, attachment.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task AnUnknownAttachmentIsNotFound()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var response = await client.GetAsync(Url(personas.DemoProjectId, 999_999));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheOfficeMayDownloadAnyProjectsAttachment()
    {
        var personas = await Personas.EnsureAsync(factory);
        var attachment = await StoreAsync(factory, personas.OtherProjectId, "收據.pdf", Pdf());

        using var client = await factory.SignedInAsync(DemoSeeder.OfficeEmail);
        var response = await client.GetAsync(Url(personas.OtherProjectId, attachment.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
