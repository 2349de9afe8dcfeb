using AllianceKpi.Domain.Audit;
using AllianceKpi.Web.Features.Audit;
using AllianceKpi.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Web.Tests.Features.Audit;

/// <summary>The audit log speaks the forms' language: every logged field has its zh-TW name, every coded value its zh-TW label.</summary>
public sealed class AuditLabelsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly HashSet<string> Bookkeeping = ["Id", "Version", "CreatedAt", "UpdatedAt"];

    /// <summary>The properties the audit trail writes down: those of audited records, without the bookkeeping and shadow ones.</summary>
    private List<(string Record, IProperty Property)> Logged()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AllianceKpi.Infrastructure.Data.AppDbContext>();
        return db.Model.GetEntityTypes()
            .Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetProperties().Select(p => (t.ClrType.Name, p)))
            .Where(x => !Bookkeeping.Contains(x.p.Name) && !x.p.IsShadowProperty())
            .ToList();
    }

    private static bool IsZhTw(string text) => text.Any(c => c >= '\u4e00' && c <= '\u9fff');

    [Fact]
    public void EveryAuditedRecordAndFieldHasAZhTwName()
    {
        var logged = Logged();
        Assert.NotEmpty(logged);

        var unnamedRecords = logged.Select(x => x.Record).Distinct().Where(r => !IsZhTw(AuditLabels.Record(r))).ToList();
        var unnamedFields = logged.Where(x => !IsZhTw(AuditLabels.Field(x.Property.Name))).Select(x => $"{x.Record}.{x.Property.Name}").ToList();

        Assert.Empty(unnamedRecords);
        Assert.Empty(unnamedFields);
    }

    [Fact]
    public void EveryValueOfAnAuditedEnumOrYesNoFieldIsShownByItsZhTwLabel()
    {
        var coded = Logged().Where(x => Nullable.GetUnderlyingType(x.Property.ClrType) is { } u ? u.IsEnum || u == typeof(bool)
            : x.Property.ClrType.IsEnum || x.Property.ClrType == typeof(bool)).ToList();
        Assert.Contains(coded, x => x.Property.ClrType.IsEnum);

        var raw = new List<string>();
        foreach (var (record, property) in coded)
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            var values = type == typeof(bool) ? ["true", "false"] : Enum.GetNames(type);
            raw.AddRange(values.Where(v => !IsZhTw(AuditLabels.Value(record, property.Name, v)!)).Select(v => $"{record}.{property.Name}={v}"));
        }
        Assert.Empty(raw);
    }

    [Theory]
    [InlineData("AllianceMember", "Basis", "Application", "入會申請書")]
    [InlineData("AllianceMember", "Type", "Company", "廠商")]
    [InlineData("AllianceMember", "IsPaying", "true", "收費會員")]
    [InlineData("AllianceMember", "IsPaying", "false", "免費會員")]
    [InlineData("AllianceMember", "Region", "Central", "中部")]
    [InlineData("AllianceMember", "InIndustrialPark", "false", "否")]
    [InlineData("CooperationProject", "ReceiptIncluded", "true", "是")]
    [InlineData("MemberService", "Kind", "SiteVisit", "訪廠現地指導")]
    [InlineData("DerivedResult", "Kind", "PatentGranted", "專利獲證")]
    public void ACodedValueReadsAsTheFormsLabel(string record, string field, string raw, string expected) =>
        Assert.Equal(expected, AuditLabels.Value(record, field, raw));

    [Theory]
    [InlineData("AllianceMember", "CompanyName", "Application")]
    [InlineData("AllianceMember", "Basis", "NoSuchValue")]
    [InlineData("AllianceMember", "ContractEnd", "2021/12/31")]
    [InlineData("PromotionActivity", "Kind", "SiteVisit")]
    public void TextDatesAndUnknownCodesAreShownAsWritten(string record, string field, string raw) =>
        Assert.Equal(raw, AuditLabels.Value(record, field, raw));

    [Fact]
    public void AnEmptySideStaysEmpty() => Assert.Null(AuditLabels.Value("AllianceMember", "Basis", null));
}
