using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AllianceKpi.Domain.Kpi;

namespace AllianceKpi.Domain.Workflow;

/// <summary>
/// The canonical JSON of a <see cref="Snapshot"/> and its SHA-256. Canonical: properties in a fixed order, no white space,
/// sections in the form's order, entries ordered by kind then id, fields in the order given, values as
/// <see cref="SnapshotValue"/> writes them (strings or null), strings escaped as RFC 8785 (JCS) escapes them — only
/// <c>"</c>, <c>\</c> and control characters — so Chinese, CJK extension B and emoji stay as they are; UTF-8.
/// Equal content gives equal text and equal hash. Written by <see cref="CanonicalWriter"/> rather than Utf8JsonWriter,
/// whose encoders escape characters outside the Basic Multilingual Plane and follow the runtime's Unicode version;
/// read back with System.Text.Json. See docs/workflow-rules.md.
/// </summary>
public static class SnapshotJson
{
    public static string Write(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var json = new CanonicalWriter();
        json.Open('{').Name("format").Number(Snapshot.Format).Name("kind").Text(snapshot.Kind.ToString())
            .Name("projectId").Number(snapshot.ProjectId).Name("reportingPeriodId").Number(snapshot.ReportingPeriodId)
            .Name("sections").Open('[');
        foreach (var section in snapshot.Sections)
        {
            json.Open('{').Name("key").Text(section.Key).Name("label").Text(section.Label);
            WriteFields(json, section.Fields);
            json.Close('}');
        }
        json.Close(']').Name("entries").Open('[');
        foreach (var entry in Ordered(snapshot.Entries))
        {
            json.Open('{').Name("kind").Text(entry.Kind.ToString()).Name("id").Number(entry.Id).Name("label").Text(entry.Label);
            WriteFields(json, entry.Fields);
            json.Close('}');
        }
        return json.Close(']').Close('}').ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the text's UTF-8 bytes (64 characters).</summary>
    public static string Sha256(string canonicalJson)
    {
        ArgumentNullException.ThrowIfNull(canonicalJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));
    }

    public static Snapshot Read(string canonicalJson)
    {
        ArgumentNullException.ThrowIfNull(canonicalJson);
        using var document = JsonDocument.Parse(canonicalJson);
        var root = document.RootElement;
        var format = root.GetProperty("format").GetInt32();
        if (format != Snapshot.Format)
        {
            throw new FormatException($"Snapshot format {format} is not known (expected {Snapshot.Format}).");
        }
        var sections = root.GetProperty("sections").EnumerateArray()
            .Select(s => new SnapshotSection(Text(s, "key"), Text(s, "label"), ReadFields(s)))
            .ToList();
        var entries = root.GetProperty("entries").EnumerateArray()
            .Select(e => new SnapshotEntry(Enum.Parse<EntryKind>(Text(e, "kind")), e.GetProperty("id").GetInt32(),
                Text(e, "label"), ReadFields(e)))
            .ToList();
        return new Snapshot(Enum.Parse<FormKind>(Text(root, "kind")), root.GetProperty("projectId").GetInt32(),
            root.GetProperty("reportingPeriodId").GetInt32(), sections, entries);
    }

    internal static IEnumerable<SnapshotEntry> Ordered(IReadOnlyList<SnapshotEntry> entries)
    {
        var ordered = entries.OrderBy(e => e.Kind).ThenBy(e => e.Id).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Kind == ordered[i - 1].Kind && ordered[i].Id == ordered[i - 1].Id)
            {
                throw new ArgumentException($"Entry {ordered[i].Key} appears twice in the snapshot.", nameof(entries));
            }
        }
        return ordered;
    }

    private static void WriteFields(CanonicalWriter json, IReadOnlyList<SnapshotField> fields)
    {
        json.Name("fields").Open('[');
        foreach (var field in fields)
        {
            json.Open('{').Name("key").Text(field.Key).Name("label").Text(field.Label).Name("value").Text(field.Value).Close('}');
        }
        json.Close(']');
    }

    private static List<SnapshotField> ReadFields(JsonElement element) =>
        element.GetProperty("fields").EnumerateArray()
            .Select(f => new SnapshotField(Text(f, "key"), Text(f, "label"), f.GetProperty("value").GetString()))
            .ToList();

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";
}
