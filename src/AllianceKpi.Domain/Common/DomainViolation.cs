namespace AllianceKpi.Domain.Common;

/// <summary>A business rule that input breaks: the field it belongs to and a message in Traditional Chinese.</summary>
public sealed record DomainViolation(string Field, string Message);
