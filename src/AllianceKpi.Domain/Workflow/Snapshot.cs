using System.Globalization;
using System.Text;
using AllianceKpi.Domain.Calendar;
using AllianceKpi.Domain.Kpi;
using AllianceKpi.Domain.Text;

namespace AllianceKpi.Domain.Workflow;

/// <summary>One value of a snapshot: its key within the section or entry, its zh-TW label, its canonical text (null: blank).</summary>
public sealed record SnapshotField(string Key, string Label, string? Value);

/// <summary>A part of the form, e.g. <c>item3</c> 「3. 聯盟經常性營運收入(仟元)」, with its fields in the form's order.</summary>
public sealed record SnapshotSection(string Key, string Label, IReadOnlyList<SnapshotField> Fields);

/// <summary>A 工作進度 entry as it stood, e.g. <c>Member</c> 12 「招募聯盟會員「甲公司」」.</summary>
public sealed record SnapshotEntry(EntryKind Kind, int Id, string Label, IReadOnlyList<SnapshotField> Fields)
{
    /// <summary>e.g. <c>entries.Member.12</c>.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"entries.{Kind}.{Id}");
}

/// <summary>
/// What a form held when it was submitted: its sections in the form's order and, for 管考資料, the period's entries.
/// <see cref="SnapshotJson"/> writes it as canonical JSON (entries ordered by kind and id) and hashes it;
/// <see cref="SnapshotDiff"/> compares two.
/// </summary>
public sealed record Snapshot(FormKind Kind, int ProjectId, int ReportingPeriodId, IReadOnlyList<SnapshotSection> Sections,
    IReadOnlyList<SnapshotEntry> Entries)
{
    /// <summary>Version of the layout, written into the JSON so that a later layout can still read old snapshots.</summary>
    public const int Format = 1;
}

/// <summary>The canonical text of every kind of value: invariant, independent of the culture and of how it was typed.</summary>
public static class SnapshotValue
{
    public static string? Of(string? text)
    {
        if (TextLength.IsBlank(text))
        {
            return null;
        }
        var normalised = TextLength.Normalise(text);
        return HasLoneSurrogate(normalised) ? Repair(normalised) : normalised;
    }

    public static string? Of(int? number) => number?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Decimals without trailing zeros: 10, 10.0 and 10.000 are all 「10」; 12.50 is 「12.5」.</summary>
    public static string? Of(decimal? number)
    {
        if (number is not { } value)
        {
            return null;
        }
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    /// <summary>2021/10/31, as the programme writes dates.</summary>
    public static string? Of(DateOnly? day) => day is { } value ? DateFormat.Show(value) : null;

    public static string? Of(bool? flag) => flag switch { true => "是", false => "否", null => null };

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Replaces lone surrogates (which no UTF-8 text can hold) with U+FFFD.</summary>
    private static string Repair(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else
            {
                builder.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }
        return builder.ToString();
    }
}
