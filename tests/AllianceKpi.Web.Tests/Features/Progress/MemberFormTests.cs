using System.Net;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Web.Tests.Support;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using static AllianceKpi.Web.Tests.Features.Progress.MemberTestData;

namespace AllianceKpi.Web.Tests.Features.Progress;

/// <summary>招募聯盟會員 form: bad input comes back as typed with the message next to the field, and nothing is saved.</summary>
public sealed class MemberFormTests(ProgressClockFactory factory) : IClassFixture<ProgressClockFactory>
{
    private async Task<(IHtmlDocument Page, HttpResponseMessage Response)> PostNewAsync(Dictionary<string, string> fields,
        (string Name, byte[] Content)? file = null)
    {
        var people = await Personas.EnsureAsync(factory);
        var url = $"{Base(people.DemoProjectId, await PeriodAsync(factory))}/members/new";
        using var client = await factory.SignedInAsync(DemoSeeder.AssistantEmail);
        var response = await PostAsync(client, url, fields, url, file);
        return (PortalClient.Parse(await response.Content.ReadAsStringAsync()), response);
    }

    private Task<bool> SavedAsync(string name) => factory.WithDbAsync(db => db.AllianceMembers.AnyAsync(m => m.CompanyName == name));

    [Fact]
    public async Task AnEmptyFormNamesEveryRequiredField()
    {
        var fields = Company("").With("Type", "").With("Basis", "").With("IndustryCode", "").With("IsPaying", "")
            .With("Representative", "").With("City", "").With("Street", "").With("Phone", "").With("ContractStart", "").With("ContractEnd", "");

        var (page, response) = await PostNewAsync(fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("請選擇會員類型", ErrorFor(page, "Type"));
        Assert.Equal("請選擇會員資格", ErrorFor(page, "Basis"));
        Assert.Equal("請選擇產業類別", ErrorFor(page, "IndustryCode"));
        Assert.Equal("請選擇收費或免費會員", ErrorFor(page, "IsPaying"));
        Assert.Equal("請輸入入會會員公司名稱", ErrorFor(page, "CompanyName"));
        Assert.Equal("請輸入入會會員負責人", ErrorFor(page, "Representative"));
        Assert.Equal("請選擇縣市", ErrorFor(page, "City"));
        Assert.Equal("請輸入入會會員電話", ErrorFor(page, "Phone"));
        Assert.Equal("請輸入契約起始日", ErrorFor(page, "ContractStart"));
        Assert.Equal("請輸入契約截止日", ErrorFor(page, "ContractEnd"));
    }

    [Fact]
    public async Task ABadDateAndAStartAfterTheEndComeBackAsTyped()
    {
        var (badDate, _) = await PostNewAsync(Company("日期錯誤公司").With("ContractStart", "2021/13/40"));
        var (reversed, _) = await PostNewAsync(Company("日期顛倒公司").With("ContractStart", "2021/12/01").With("ContractEnd", "2021/11/30"));

        Assert.Equal("日期格式應為 2021/10/31", ErrorFor(badDate, "ContractStart"));
        Assert.Equal("2021/13/40", ValueOf(badDate, "ContractStart"));
        Assert.Equal("日期錯誤公司", ValueOf(badDate, "CompanyName"));
        Assert.Equal("契約截止日 2021/11/30 不可早於契約起始日 2021/12/01", ErrorFor(reversed, "ContractEnd"));
        Assert.Equal("2021/11/30", ValueOf(reversed, "ContractEnd"));
        Assert.False(await SavedAsync("日期錯誤公司"));
        Assert.False(await SavedAsync("日期顛倒公司"));
    }

    [Theory]
    [InlineData("1.2345")]
    [InlineData("-5")]
    [InlineData("十元")]
    public async Task AFeeAmountMustBeANonNegativeNumberWithAtMostThreeDecimals(string amount)
    {
        var name = "會費公司" + amount;
        var fields = Company(name).With("Basis", "Application").With("FeeMethod", "MembershipFee").With("FeeAmount", amount);

        var (page, _) = await PostNewAsync(fields);

        Assert.Equal("金額須為不小於 0 的數字，小數最多 3 位", ErrorFor(page, "FeeAmount"));
        Assert.Equal(amount, ValueOf(page, "FeeAmount"));
        Assert.False(await SavedAsync(name));
    }

    [Fact]
    public async Task AnApplicationNeedsItsFeeMethodAndAmount()
    {
        var (page, _) = await PostNewAsync(Company("申請書公司").With("Basis", "Application"));

        Assert.Equal("請選擇會費收入方式", ErrorFor(page, "FeeMethod"));
        Assert.Equal("請輸入會費金額", ErrorFor(page, "FeeAmount"));
    }

    [Fact]
    public async Task ATaxIdWithAWrongCheckDigitIsRefused()
    {
        var (page, _) = await PostNewAsync(Company("統編錯誤公司").With("TaxId", "04595258"));

        Assert.Equal("統一編號檢查碼不正確", ErrorFor(page, "TaxId"));
        Assert.Equal("04595258", ValueOf(page, "TaxId"));
        Assert.False(await SavedAsync("統編錯誤公司"));
    }

    [Fact]
    public async Task CompanyDetailsAreRequiredForACompanyButNotForAnIndividual()
    {
        var noDetails = Company("缺規模公司").With("CapitalBand", "").With("EmployeeBand", "").With("InIndustrialPark", "");
        var (company, _) = await PostNewAsync(noDetails);
        var individual = Company("個人會員甲").With("Type", "Individual").With("CapitalBand", "").With("EmployeeBand", "").With("InIndustrialPark", "");
        var (_, saved) = await PostNewAsync(individual);

        Assert.Equal("「廠商、產學合作」會員請選擇企業規模", ErrorFor(company, "CapitalBand"));
        Assert.Equal("「廠商、產學合作」會員請選擇企業員工數", ErrorFor(company, "EmployeeBand"));
        Assert.Contains("工業暨產業園區", ErrorFor(company, "InIndustrialPark"));
        Assert.False(await SavedAsync("缺規模公司"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await SavedAsync("個人會員甲"));
    }

    [Fact]
    public async Task ACooperationMemberOfAnotherTypeIsShownAndNeedsTheCompanyDetails()
    {
        var noDetails = Company("產學合作法人甲").With("Type", "ResearchInstitute").With("Basis", "CooperationProject")
            .With("CapitalBand", "").With("EmployeeBand", "").With("InIndustrialPark", "");
        var (page, refused) = await PostNewAsync(noDetails);
        var (_, saved) = await PostNewAsync(Company("產學合作法人乙").With("Type", "ResearchInstitute").With("Basis", "CooperationProject"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var fields = page.QuerySelector("[data-testid=company-fields]")!;
        Assert.False(fields.HasAttribute("hidden"));
        Assert.NotNull(fields.QuerySelector("select[name='Form.CapitalBand']"));
        Assert.Equal("「廠商、產學合作」會員請選擇企業規模", ErrorFor(page, "CapitalBand"));
        Assert.Equal("「廠商、產學合作」會員請選擇企業員工數", ErrorFor(page, "EmployeeBand"));
        Assert.Contains("工業暨產業園區", ErrorFor(page, "InIndustrialPark"));
        Assert.False(await SavedAsync("產學合作法人甲"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var member = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.CompanyName == "產學合作法人乙"));
        Assert.Equal(("501~1,000萬元", false), (member.CapitalBand, member.InIndustrialPark));
    }

    [Fact]
    public async Task TheRegionIsTakenFromTheCityWhenLeftEmptyAndKeptWhenChosen()
    {
        await PostNewAsync(Company("高雄公司").With("City", "高雄市"));
        await PostNewAsync(Company("國外登記公司").With("City", "臺北市").With("Region", "Abroad"));

        var regions = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking()
            .Where(m => m.CompanyName == "高雄公司" || m.CompanyName == "國外登記公司")
            .ToDictionaryAsync(m => m.CompanyName, m => m.Region));
        Assert.Equal(Domain.Reference.Region.South, regions["高雄公司"]);
        Assert.Equal(Domain.Reference.Region.Abroad, regions["國外登記公司"]);
    }

    [Fact]
    public async Task TheFormCarriesTheCutoffHintTheCitiesRegionsAndTheAcceptedFileKinds()
    {
        var people = await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.PiEmail);

        var page = await client.GetPageAsync($"{Base(people.DemoProjectId, await PeriodAsync(factory))}/members/new");

        Assert.Equal("契約截止日必須含跨管考截止日 2021/10/31 才有效", page.QuerySelector("[data-testid=cutoff-hint]")!.TextContent);
        Assert.Equal("Central", page.QuerySelector("select[name='Form.City'] option[value='臺中市']")!.GetAttribute("data-region"));
        Assert.Contains(".pdf", page.QuerySelector("input[name='Form.Attachment']")!.GetAttribute("accept"));
        var otherGroup = page.QuerySelector("select[name='Form.Type'] optgroup[label='其它會員']")!;
        Assert.Equal(["研究型法人", "大陸公司", "其它"], otherGroup.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.Null(page.QuerySelector("script:not([src])"));
    }

    [Fact]
    public async Task ACooperationMemberCountsOnlyWhenSignedByThePiAndRelatedToTheCoreTechnologyAndSaysHow()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var cooperation = Company("產學合作會員甲").With("Basis", "CooperationProject").With("ContractStart", "2021/03/01").With("ContractEnd", "2021/09/30");

        var unsigned = await AddAsync(client, people.DemoProjectId, periodId, cooperation);
        var signed = await AddAsync(client, people.DemoProjectId, periodId,
            cooperation.With("CompanyName", "產學合作會員乙").With("SignedByPrincipalInvestigator", "true").With("RelatedToCoreTechnology", "true"));

        Assert.StartsWith("已儲存：不列計——", unsigned);
        Assert.Contains("計畫主持人簽約", unsigned);
        Assert.Equal("已儲存：列計", signed);
        var member = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.CompanyName == "產學合作會員乙"));
        Assert.True(member.SignedByPrincipalInvestigator && member.RelatedToCoreTechnology);
        var list = await client.GetPageAsync($"{Base(people.DemoProjectId, periodId)}/members");
        Assert.Contains("產學合作會員：與計畫執行期間重疊", list.QuerySelector($"[data-testid=member-{member.Id}] [data-testid=verdict]")!.TextContent);
    }

    /// <summary>Each select's chosen option, and that it is the only one marked selected (the options say it themselves, no tag helper).</summary>
    private static Dictionary<string, string> Choices(IHtmlDocument page, params string[] fields) => fields.ToDictionary(f => f, f =>
    {
        var selected = page.QuerySelectorAll($"select[name='Form.{f}'] option[selected]");
        Assert.True(selected.Length == 1, $"{f}: {selected.Length} options marked selected");
        return selected[0].GetAttribute("value")!;
    });

    private static readonly string[] Selects = ["Type", "Basis", "IndustryCode", "IsPaying", "City", "Region", "CapitalBand", "EmployeeBand", "InIndustrialPark", "FeeMethod"];

    private static Dictionary<string, string> NotFirstChoices(string name) => Company(name).With("Type", "Company").With("Basis", "Application")
        .With("IndustryCode", "M4").With("IsPaying", "false").With("City", "花蓮縣").With("Region", "East").With("CapitalBand", "501~1,000萬元")
        .With("EmployeeBand", "經常雇用員工數超過100~199人").With("InIndustrialPark", "true").With("FeeMethod", "TechTransfer").With("FeeAmount", "3");

    [Fact]
    public async Task AFormSentBackKeepsEveryChoiceSelectedAsPosted()
    {
        var fields = NotFirstChoices("選項保留公司").With("ContractStart", "2021/13/40");

        var (page, _) = await PostNewAsync(fields);

        Assert.Equal("日期格式應為 2021/10/31", ErrorFor(page, "ContractStart"));
        Assert.Equal(Selects.ToDictionary(f => f, f => fields["Form." + f]), Choices(page, Selects));
        Assert.False(await SavedAsync("選項保留公司"));
    }

    [Fact]
    public async Task ASavedMembersEditFormShowsItsChoicesSelected()
    {
        var people = await Personas.EnsureAsync(factory);
        var periodId = await PeriodAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.PiEmail);
        var fields = NotFirstChoices("選項顯示公司");
        await AddAsync(client, people.DemoProjectId, periodId, fields);
        var id = await factory.WithDbAsync(db => db.AllianceMembers.Where(m => m.CompanyName == "選項顯示公司").Select(m => m.Id).SingleAsync());

        var form = await client.GetPageAsync($"{Base(people.DemoProjectId, periodId)}/members/{id}/edit");

        Assert.Equal(Selects.ToDictionary(f => f, f => fields["Form." + f]), Choices(form, Selects));
    }

    [Fact]
    public async Task FieldsOfOtherTypesAreNotKept()
    {
        var people = await Personas.EnsureAsync(factory);
        using var client = await factory.SignedInAsync(DemoSeeder.PiEmail);

        await AddAsync(client, people.DemoProjectId, await PeriodAsync(factory),
            Company("個人會員乙").With("Type", "Individual").With("FeeAmount", "5").With("SignedByPrincipalInvestigator", "true"));

        var member = await factory.WithDbAsync(db => db.AllianceMembers.AsNoTracking().SingleAsync(m => m.CompanyName == "個人會員乙"));
        Assert.Null(member.CapitalBand);
        Assert.Null(member.FeeAmount);
        Assert.False(member.SignedByPrincipalInvestigator);
    }
}
