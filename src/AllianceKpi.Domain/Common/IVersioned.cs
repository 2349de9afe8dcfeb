namespace AllianceKpi.Domain.Common;

/// <summary>An editable aggregate guarded by an optimistic concurrency token that changes on every save.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
