using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AllianceKpi.Infrastructure.Data;

/// <summary>Timestamps are stored and read back as UTC on every provider (SQLite returns them unspecified).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
