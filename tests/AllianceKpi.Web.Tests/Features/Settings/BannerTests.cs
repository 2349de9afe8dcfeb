using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Account.AccountTestData;

namespace AllianceKpi.Web.Tests.Features.Settings;

public sealed class BannerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> UploadAsync(PortalClient client, int projectId, byte[] content, string fileName = "banner.png", string type = "image/png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "Banner", fileName);
        return await client.PostMultipartAsync($"/projects/{projectId}/alliance/banner", form, $"/projects/{projectId}/alliance");
    }

    [Fact]
    public async Task A222By112PngIsStoredAndServedWithItsHashAsETag()
    {
        var email = NewEmail("bannerpi");
        var projectId = await SettingsTestData.ProjectWithPiAsync(factory, email);
        using var pi = await factory.SignedInAsync(email, Password);
        var png = TestImages.Png(222, 112);

        var response = await UploadAsync(pi, projectId, png);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await pi.GetPageAsync($"/projects/{projectId}/alliance");
        Assert.Contains("Banner 已上傳", page.QuerySelector("[data-testid=flash]")?.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=current-banner] img"));
        var sha = Convert.ToHexStringLower(SHA256.HashData(png));
        var stored = await factory.WithDbAsync(db => db.AllianceBanners.AsNoTracking().SingleAsync(b => b.ProjectId == projectId));
        Assert.Equal((sha, png.Length), (stored.Sha256, stored.Content.Length));

        using var visitor = factory.NewClient();
        var image = await visitor.GetAsync($"/banners/{projectId}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{sha}\"", image.Headers.ETag?.Tag);
        Assert.True(image.Headers.CacheControl?.Public);
        Assert.Equal(TimeSpan.FromHours(1), image.Headers.CacheControl?.MaxAge);

        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/banners/{projectId}");
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{sha}\""));
        var notModified = await visitor.Http.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task UploadingAgainReplacesTheBanner()
    {
        var email = NewEmail("replace");
        var projectId = await SettingsTestData.ProjectWithPiAsync(factory, email);
        using var pi = await factory.SignedInAsync(email, Password);
        await UploadAsync(pi, projectId, TestImages.Png(222, 112, red: 1));
        var second = TestImages.Png(222, 112, red: 200);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(pi, projectId, second)).StatusCode);

        var stored = await factory.WithDbAsync(db => db.AllianceBanners.AsNoTracking().Where(b => b.ProjectId == projectId).ToListAsync());
        Assert.Equal(second, Assert.Single(stored).Content);
    }

    [Theory]
    [InlineData("size")]
    [InlineData("jpeg")]
    [InlineData("text")]
    [InlineData("large")]
    [InlineData("empty")]
    public async Task AnythingButA222By112PngIsRefusedWithAMessageNextToTheFileField(string kind)
    {
        var email = NewEmail("refused");
        var projectId = await SettingsTestData.ProjectWithPiAsync(factory, email);
        using var pi = await factory.SignedInAsync(email, Password);
        var (content, expected) = kind switch
        {
            "size" => (TestImages.Png(300, 100), "Banner 尺寸必須為 222×112 像素（上傳的是 300×100）"),
            "jpeg" => (TestImages.Jpeg(), "Banner 必須是 PNG 檔"),
            "text" => (TestImages.Text(), "Banner 必須是 PNG 檔"),
            "large" => ([.. TestImages.Png(222, 112), .. new byte[600 * 1024]], "檔案過大"),
            _ => (Array.Empty<byte>(), "請選擇要上傳的 Banner 檔案"),
        };

        var response = await UploadAsync(pi, projectId, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageOf(response);
        Assert.Contains(expected, FieldError(page, "Banner"));
        Assert.NotNull(page.QuerySelector("input[name=Version]"));
        Assert.False(await factory.WithDbAsync(db => db.AllianceBanners.AnyAsync(b => b.ProjectId == projectId)));
    }

    [Fact]
    public async Task ProjectWithoutBannerAnswers404()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var visitor = factory.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/banners/{personas.OtherProjectId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/banners/999999")).StatusCode);
    }

    [Fact]
    public async Task AssistantCannotUploadTheBanner()
    {
        var personas = await Personas.EnsureAsync(factory);
        using var assistant = await factory.SignedInAsync("assistant@demo.tw");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(TestImages.Png(222, 112)), "Banner", "banner.png");

        var response = await assistant.PostMultipartAsync($"/projects/{personas.DemoProjectId}/alliance/banner", form, "/settings/profile");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AllianceBanners.AnyAsync(b => b.ProjectId == personas.DemoProjectId)));
    }
}
