using AllianceKpi.Domain.Projects.Import;

namespace AllianceKpi.Domain.Tests.Projects;

public sealed class ApprovedProjectImportTests
{
    private static readonly string[] Header = ["計畫編號", "計畫名稱", "年度", "主持人", "Email", "學校", "系所"];

    private static readonly ImportContext Context = new(
        years: [2021, 2022],
        projectNumbers: ["2021ETPC_test"],
        accounts: [new ExistingAccount("office@demo.tw", IsProgrammeStaff: true), new ExistingAccount("pi@demo.tw", IsProgrammeStaff: false)]);

    private static SheetRow Row(int number, params string[] cells) => new(number, cells);

    private static ApprovedProjectRow Project(int row, string number, string year = "2021", string pi = "王大明", string email = "wang@ncku.edu.tw") =>
        new(row, number, "智慧醫材產學小聯盟", year, pi, email, "成功大學", "醫工所");

    private static IReadOnlyList<string> MessagesOf(RowVerdict verdict) => verdict.Violations.Select(v => v.Message).ToList();

    [Fact]
    public void ColumnsAreMatchedByNameInAnyOrderAndTrimmed()
    {
        var sheet = ApprovedProjectSheet.From(
        [
            Row(1, " Email ", "系所", "學校", "主持人", "年度", "計畫名稱", "\uFEFF計畫編號"),
            Row(2, "a@b.tw", "醫工所", "成大", "王大明", "110", "名稱", "P1"),
        ]);
        Assert.Empty(sheet.Errors);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal(("P1", "名稱", 2021, "王大明", "a@b.tw", "成大", "醫工所", 2), (row.Number, row.Name, row.Year!.Value, row.PrincipalInvestigatorName, row.Email, row.School, row.Department, row.RowNumber));
    }

    [Fact]
    public void MissingColumnsAreNamed()
    {
        var sheet = ApprovedProjectSheet.From([Row(1, "計畫編號", "計畫名稱", "主持人", "學校", "系所"), Row(2, "P1", "n", "x", "s", "d")]);
        var error = Assert.Single(sheet.Errors);
        Assert.StartsWith("缺少欄位：年度、Email。", error);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public void AFileWithOnlyTheHeaderHasNoDataRows()
    {
        var sheet = ApprovedProjectSheet.From([Row(1, Header), Row(2, "", "", "")]);
        Assert.Contains("沒有計畫資料", Assert.Single(sheet.Errors));
    }

    [Fact]
    public void MoreThanAThousandRowsAreRefused()
    {
        var rows = new List<SheetRow> { Row(1, Header) };
        rows.AddRange(Enumerable.Range(2, 1001).Select(i => Row(i, $"P{i}", "n", "2021", "x", "x@y.tw", "s", "d")));
        Assert.Contains("一次最多匯入 1000 個計畫，檔案中有 1001 列資料", Assert.Single(ApprovedProjectSheet.From(rows).Errors));
    }

    [Fact]
    public void RowNumbersAreThoseOfTheFileEvenAfterBlankRows()
    {
        var sheet = ApprovedProjectSheet.From([Row(1), Row(2, Header), Row(3, "", ""), Row(4, "P1", "n", "2021", "x", "x@y.tw", "s", "d")]);
        Assert.Equal(4, Assert.Single(sheet.Rows).RowNumber);
    }

    [Theory]
    [InlineData("2021", 2021)]
    [InlineData("110", 2021)]
    [InlineData("110年", 2021)]
    [InlineData("民國111年", 2022)]
    [InlineData(" 2022 ", 2022)]
    [InlineData("2021.5", null)]
    [InlineData("abc", null)]
    [InlineData("1800", null)]
    public void YearAcceptsGregorianOrRocYears(string text, int? expected) => Assert.Equal(expected, ApprovedProjectSheet.ParseYear(text));

    [Fact]
    public void AValidRowHasNoViolations()
    {
        var verdict = Assert.Single(ApprovedProjectCheck.Check([Project(2, "2022NEW_1", year: "111")], Context));
        Assert.True(verdict.IsValid);
    }

    [Fact]
    public void EveryFieldIsRequired()
    {
        var verdict = Assert.Single(ApprovedProjectCheck.Check([new ApprovedProjectRow(2, "", "", "", "", "", "", "")], Context));
        Assert.Equal(["請填寫計畫編號。", "請填寫計畫名稱。", "請填寫年度。", "請填寫主持人。", "請填寫Email。", "請填寫學校。", "請填寫系所。"], MessagesOf(verdict));
    }

    [Fact]
    public void LengthsFollowTheProjectColumns()
    {
        var row = new ApprovedProjectRow(2, new string('N', 51), new string('名', 201), "2021", new string('王', 101), "a@b.tw", "s", "d");
        var messages = MessagesOf(Assert.Single(ApprovedProjectCheck.Check([row], Context)));
        Assert.Contains("計畫編號最多 50 個字（目前 51 個字）。", messages);
        Assert.Contains("計畫名稱最多 200 個字（目前 201 個字）。", messages);
        Assert.Contains("主持人最多 100 個字（目前 101 個字）。", messages);
    }

    [Theory]
    [InlineData("wang")]
    [InlineData("wang@")]
    [InlineData("wang@ncku")]
    [InlineData("王 <wang@ncku.edu.tw>")]
    [InlineData("wang@@ncku.edu.tw")]
    public void AMalformedEmailIsRefused(string email)
    {
        var verdict = Assert.Single(ApprovedProjectCheck.Check([Project(2, "P1", email: email)], Context));
        Assert.Contains($"Email「{email}」格式不正確。", MessagesOf(verdict));
    }

    [Fact]
    public void AnUnknownYearNamesTheYearAndWhereToCreateIt()
    {
        var verdict = Assert.Single(ApprovedProjectCheck.Check([Project(2, "P1", year: "2023")], Context));
        Assert.Equal(["年度 2023 尚未建立，請先於「年度與綜整表」新增。"], MessagesOf(verdict));
    }

    [Fact]
    public void ANumberRepeatedInTheFileIsRefusedOnTheLaterRow()
    {
        var verdicts = ApprovedProjectCheck.Check([Project(2, "P1"), Project(3, "p1")], Context);
        Assert.True(verdicts[0].IsValid);
        Assert.Equal(["計畫編號 p1 與第 2 列重複。"], MessagesOf(verdicts[1]));
    }

    [Fact]
    public void ANumberAlreadyInThePortalIsRefused()
    {
        var verdict = Assert.Single(ApprovedProjectCheck.Check([Project(2, "2021etpc_TEST")], Context));
        Assert.Equal(["計畫編號 2021etpc_TEST 已存在於平台，不可重複匯入。"], MessagesOf(verdict));
    }

    [Fact]
    public void OnePiMayHoldSeveralProjectsUnderTheSameName()
    {
        var verdicts = ApprovedProjectCheck.Check([Project(2, "P1"), Project(3, "P2", email: "WANG@ncku.edu.tw")], Context);
        Assert.All(verdicts, v => Assert.True(v.IsValid));
    }

    [Fact]
    public void TheSameEmailUnderAnotherNameIsRefused()
    {
        var verdicts = ApprovedProjectCheck.Check([Project(2, "P1"), Project(3, "P2", pi: "王小明")], Context);
        Assert.Equal(["同一 Email 須為同一位主持人：第 2 列的主持人為「王大明」，本列為「王小明」。"], MessagesOf(verdicts[1]));
    }

    [Fact]
    public void AnOfficeAccountCannotBecomeAPi()
    {
        var verdict = Assert.Single(ApprovedProjectCheck.Check([Project(2, "P1", email: "Office@demo.tw")], Context));
        Assert.Contains("不可作為計畫主持人帳號", Assert.Single(MessagesOf(verdict)));
    }

    [Fact]
    public void AnExistingNonStaffAccountMayBecomeAPi()
    {
        Assert.True(Assert.Single(ApprovedProjectCheck.Check([Project(2, "P1", email: "pi@demo.tw")], Context)).IsValid);
    }
}
