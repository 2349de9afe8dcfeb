using System.Globalization;
using System.Text.Encodings.Web;
using AllianceKpi.Web.Infrastructure.Localization;
using AllianceKpi.Web.Tests.Support;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Startup;

/// <summary>The views' cached localizer writes what the framework's writes, per culture, and keeps arguments encoded.</summary>
public sealed class PortalTextTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private PortalText Text => factory.Services.GetRequiredService<PortalText>();
    private IHtmlLocalizer<SharedResource> Framework => factory.Services.GetRequiredService<IHtmlLocalizer<SharedResource>>();

    [Theory]
    [InlineData("zh-TW", "招募聯盟會員")]
    [InlineData("en", "招募聯盟會員")]
    [InlineData("zh-TW", "列計")]
    [InlineData("en", "列計")]
    [InlineData("en", "沒有這個鍵的譯文 & <b>")]
    public void WritesWhatTheFrameworksLocalizerWrites(string culture, string name)
    {
        InCulture(culture, () =>
        {
            var expected = Html(Framework[name]);

            Assert.Equal(expected, Html(Text[name]));
            Assert.Equal(expected, Html(Text[name])); // the cached copy
            Assert.Equal(Framework[name].Value, Text[name].Value);
            Assert.Equal(Framework[name].IsResourceNotFound, Text[name].IsResourceNotFound);
        });
    }

    [Fact]
    public void EachCultureKeepsItsOwnText()
    {
        InCulture("zh-TW", () => Assert.Equal("招募聯盟會員", Html(Text["招募聯盟會員"])));
        InCulture("en", () => Assert.Equal("Alliance members", Html(Text["招募聯盟會員"])));
        InCulture("zh-TW", () => Assert.Equal("招募聯盟會員", Html(Text["招募聯盟會員"])));
    }

    [Fact]
    public void ArgumentsAreStillEncoded()
    {
        InCulture("zh-TW", () =>
        {
            var html = Html(Text["還有 {0} 天", "<script>alert(1)</script>"]);

            Assert.Equal("還有 &lt;script&gt;alert(1)&lt;/script&gt; 天", html);
        });
    }

    [Fact]
    public void ARepeatedTextIsLookedUpOnceAndTheCacheStopsGrowingAtItsLimit()
    {
        InCulture("en", () =>
        {
            Assert.Same(Text["修改"], Text["修改"]);
            for (var i = 0; i < PortalText.MaxCachedPerCulture; i++)
            {
                _ = Text[$"填滿快取{i}"];
            }
            var first = Text["快取已滿之後的新鍵"];
            var second = Text["快取已滿之後的新鍵"];

            Assert.NotSame(first, second);
            Assert.Equal("快取已滿之後的新鍵", Html(second));
            Assert.Same(Text["修改"], Text["修改"]);
        });
    }

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static void InCulture(string culture, Action work)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
