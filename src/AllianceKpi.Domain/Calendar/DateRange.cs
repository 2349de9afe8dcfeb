namespace AllianceKpi.Domain.Calendar;

/// <summary>An inclusive range of days.</summary>
public sealed record DateRange
{
    public DateRange(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"End {end:yyyy/MM/dd} is before start {start:yyyy/MM/dd}.", nameof(end));
        }
        Start = start;
        End = end;
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public override string ToString() => $"{DateFormat.Show(Start)}~{DateFormat.Show(End)}";
}
