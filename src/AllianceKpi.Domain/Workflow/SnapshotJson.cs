using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AllianceKpi.Domain.Kpi;

namespace AllianceKpi.Domain.Workflow;

/// <summary>
/// The canonical JSON of a <see cref="Snapshot"/> and its SHA-256. Canonical: properties in a fixed order, no white space,
/// sections in the form's order, entries ordered by kind then id, fields in the order given, values as
/// <see cref="SnapshotValue"/> writes them (strings or null), only <c>"</c>, <c>\</c> and control characters escaped
/// (Chinese stays readable), UTF-8. Equal content gives equal text and equal hash. See docs/workflow-rules.md.
/// </summary>
public static class SnapshotJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", Snapshot.Format);
            writer.WriteString("kind", snapshot.Kind.ToString());
            writer.WriteNumber("projectId", snapshot.ProjectId);
            writer.WriteNumber("reportingPeriodId", snapshot.ReportingPeriodId);
            writer.WriteStartArray("sections");
            foreach (var section in snapshot.Sections)
            {
                writer.WriteStartObject();
                writer.WriteString("key", section.Key);
                writer.WriteString("label", section.Label);
                WriteFields(writer, section.Fields);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("entries");
            foreach (var entry in Ordered(snapshot.Entries))
            {
                writer.WriteStartObject();
                writer.WriteString("kind", entry.Kind.ToString());
                writer.WriteNumber("id", entry.Id);
                writer.WriteString("label", entry.Label);
                WriteFields(writer, entry.Fields);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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

    private static void WriteFields(Utf8JsonWriter writer, IReadOnlyList<SnapshotField> fields)
    {
        writer.WriteStartArray("fields");
        foreach (var field in fields)
        {
            writer.WriteStartObject();
            writer.WriteString("key", field.Key);
            writer.WriteString("label", field.Label);
            if (field.Value is null)
            {
                writer.WriteNull("value");
            }
            else
            {
                writer.WriteString("value", field.Value);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static List<SnapshotField> ReadFields(JsonElement element) =>
        element.GetProperty("fields").EnumerateArray()
            .Select(f => new SnapshotField(Text(f, "key"), Text(f, "label"), f.GetProperty("value").GetString()))
            .ToList();

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";
}
