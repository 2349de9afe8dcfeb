using AllianceKpi.Domain.Forms;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Workflow;

namespace AllianceKpi.Domain.Tests.Workflow;

/// <summary>The canonical text of a snapshot, its hash, and the record of a submission.</summary>
public sealed class SnapshotJsonTests
{
    private static Snapshot Small(string? narrative = "會員 3 家\n達成", IReadOnlyList<SnapshotEntry>? entries = null) => new(
        FormKind.Evaluation, 7, 2,
        [new SnapshotSection("item1", "1. 聯盟廠商會員家數", [new("narrative", "計畫執行達成狀況/其它", narrative), new("attachment", "考核附件", null)])],
        entries ?? [new SnapshotEntry(EntryKind.Member, 12, "招募聯盟會員「甲公司」", [new("companyName", "入會會員公司名稱", "甲公司")])]);

    [Fact]
    public void TheCanonicalTextIsCompactOrderedAndReadable()
    {
        const string expected =
            "{\"format\":1,\"kind\":\"Evaluation\",\"projectId\":7,\"reportingPeriodId\":2,\"sections\":[{\"key\":\"item1\"," +
            "\"label\":\"1. 聯盟廠商會員家數\",\"fields\":[{\"key\":\"narrative\",\"label\":\"計畫執行達成狀況/其它\",\"value\":\"會員 3 家\\n達成\"}," +
            "{\"key\":\"attachment\",\"label\":\"考核附件\",\"value\":null}]}],\"entries\":[{\"kind\":\"Member\",\"id\":12," +
            "\"label\":\"招募聯盟會員「甲公司」\",\"fields\":[{\"key\":\"companyName\",\"label\":\"入會會員公司名稱\",\"value\":\"甲公司\"}]}]}";
        Assert.Equal(expected, SnapshotJson.Write(Small()));
    }

    [Theory]
    [InlineData("引號\"與反斜線\\", "引號\\\"與反斜線\\\\")]
    [InlineData("定位\t字元", "定位\\t字元")]
    [InlineData("\u0001\b\f\u001f", "\\u0001\\b\\f\\u001f")]
    [InlineData("𠀀 👨‍👩‍👧‍👦 🇹🇼", null)]
    [InlineData("<script>&", "<script>&")]
    public void OnlyQuotesBackslashesAndControlCharactersAreEscaped(string text, string? written)
    {
        var json = SnapshotJson.Write(Small(text));
        Assert.Contains(written ?? text, json);
        Assert.Equal(text, SnapshotJson.Read(json).Sections[0].Fields[0].Value);
    }

    [Fact]
    public void ReadingTheTextGivesBackTheSameSnapshot()
    {
        var json = SnapshotJson.Write(Small());
        var read = SnapshotJson.Read(json);
        Assert.Equal(json, SnapshotJson.Write(read));
        Assert.Equal((FormKind.Evaluation, 7, 2), (read.Kind, read.ProjectId, read.ReportingPeriodId));
        Assert.Null(read.Sections[0].Fields[1].Value);
    }

    [Fact]
    public void TheHashIsTheLowerCaseHexSha256OfTheUtf8Text()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SnapshotJson.Sha256("abc"));
        var hash = SnapshotJson.Sha256(SnapshotJson.Write(Small()));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void TheSameContentGivesTheSameTextAndHash()
    {
        Assert.Equal(SnapshotJson.Write(Small()), SnapshotJson.Write(Small()));
        Assert.Equal(SnapshotJson.Sha256(SnapshotJson.Write(Small())), SnapshotJson.Sha256(SnapshotJson.Write(Small())));
    }

    [Fact]
    public void AnyChangeGivesAnotherHash()
    {
        var hash = SnapshotJson.Sha256(SnapshotJson.Write(Small()));
        Assert.NotEqual(hash, SnapshotJson.Sha256(SnapshotJson.Write(Small("會員 3 家\n達成。"))));
        Assert.NotEqual(hash, SnapshotJson.Sha256(SnapshotJson.Write(Small(null))));
        Assert.NotEqual(hash, SnapshotJson.Sha256(SnapshotJson.Write(Small() with { ProjectId = 8 })));
    }

    [Fact]
    public void EntriesAreWrittenByKindThenIdWhateverOrderTheyCameIn()
    {
        SnapshotEntry Entry(EntryKind kind, int id) => new(kind, id, $"{kind} {id}", [new("x", "x", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var ordered = Small(entries: [Entry(EntryKind.Member, 3), Entry(EntryKind.Member, 12), Entry(EntryKind.OperatingIncome, 1), Entry(EntryKind.DerivedResult, 2)]);
        var shuffled = Small(entries: [Entry(EntryKind.DerivedResult, 2), Entry(EntryKind.Member, 12), Entry(EntryKind.OperatingIncome, 1), Entry(EntryKind.Member, 3)]);
        Assert.Equal(SnapshotJson.Write(ordered), SnapshotJson.Write(shuffled));
        Assert.Equal([3, 12, 1, 2], SnapshotJson.Read(SnapshotJson.Write(shuffled)).Entries.Select(e => e.Id));
    }

    [Fact]
    public void AnEntryTwiceIsAProgrammingError()
    {
        var entry = new SnapshotEntry(EntryKind.Member, 3, "甲", []);
        Assert.Throws<ArgumentException>(() => SnapshotJson.Write(Small(entries: [entry, entry])));
    }

    [Fact]
    public void AnUnknownFormatIsRefused() =>
        Assert.Throws<FormatException>(() => SnapshotJson.Read(SnapshotJson.Write(Small()).Replace("\"format\":1", "\"format\":2", StringComparison.Ordinal)));

    [Fact]
    public void ASubmissionKeepsTheTextAndItsHashAndNoticesTampering()
    {
        var at = new DateTime(2021, 10, 30, 8, 0, 0, DateTimeKind.Utc);
        var submission = FormSubmission.Record(Small(), 2, "pi-user", at);
        Assert.Equal((FormKind.Evaluation, 7, 2, 2, FormState.Submitted, "pi-user", at),
            (submission.Kind, submission.ProjectId, submission.ReportingPeriodId, submission.Number, submission.State,
                submission.SubmittedByUserId, submission.SubmittedAt));
        Assert.Equal(SnapshotJson.Write(Small()), submission.CanonicalJson);
        Assert.Equal(SnapshotJson.Sha256(submission.CanonicalJson), submission.Sha256);
        Assert.True(submission.IsIntact);
        Assert.Equal(submission.CanonicalJson, SnapshotJson.Write(submission.Read()));
        submission.CanonicalJson = submission.CanonicalJson.Replace("甲公司", "乙公司", StringComparison.Ordinal);
        Assert.False(submission.IsIntact);
    }

    [Theory]
    [InlineData(FormState.Accepted, null)]
    [InlineData(FormState.Returned, "請補件")]
    public void TheOfficesReviewIsRecordedOnTheVersion(FormState outcome, string? reason)
    {
        var submission = FormSubmission.Record(Small(), 1, "pi", DateTime.UnixEpoch);
        var at = new DateTime(2021, 11, 2, 1, 0, 0, DateTimeKind.Utc);
        submission.Review(outcome, "office", at, reason);
        Assert.Equal((outcome, "office", (DateTime?)at, reason),
            (submission.State, submission.ReviewedByUserId, submission.ReviewedAt, submission.ReviewReason));
        Assert.True(submission.IsIntact);
    }

    [Theory]
    [InlineData(FormState.Draft)]
    [InlineData(FormState.Submitted)]
    public void AReviewEitherAcceptsOrReturns(FormState outcome) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FormSubmission.Record(Small(), 1, "pi", DateTime.UnixEpoch).Review(outcome, "office", DateTime.UnixEpoch));

    [Fact]
    public void SubmissionsAreNumberedFromOne() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FormSubmission.Record(Small(), 0, "pi", DateTime.UnixEpoch));

    public static TheoryData<string?, string?> Values => new()
    {
        { null, null },
        { "  \r\n ", null },
        { "a\r\nb\rc", "a\nb\nc" },
        { " 前後空白 ", " 前後空白 " },
        { "壞\uD800字", "壞\uFFFD字" },
        { "\uDC00", "\uFFFD" },
        { "𠀀", "𠀀" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void TextsAreKeptAsStoredWithLineBreaksNormalisedAndBrokenSurrogatesReplaced(string? text, string? canonical) =>
        Assert.Equal(canonical, SnapshotValue.Of(text));

    [Fact]
    public void NumbersDatesAndFlagsHaveOneSpellingEach()
    {
        Assert.Equal("10", SnapshotValue.Of(10.000m));
        Assert.Equal("10", SnapshotValue.Of(10m));
        Assert.Equal("12.5", SnapshotValue.Of(12.50m));
        Assert.Equal("0.125", SnapshotValue.Of(0.125m));
        Assert.Equal("0", SnapshotValue.Of(0.000m));
        Assert.Equal("1500000", SnapshotValue.Of(1500000m));
        Assert.Equal("-3", SnapshotValue.Of(-3));
        Assert.Equal("2021/10/31", SnapshotValue.Of(new DateOnly(2021, 10, 31)));
        Assert.Equal(("是", "否"), (SnapshotValue.Of(true), SnapshotValue.Of(false)));
        Assert.Null(SnapshotValue.Of((decimal?)null));
    }
}
