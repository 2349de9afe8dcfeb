namespace AllianceKpi.Domain.Content;

/// <summary>An e-mail the portal means to send. It is shown to the office and sent through SMTP when one is configured.</summary>
public class OutboxEmail
{
    public int Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The link the e-mail carries (e.g. a set-password link), so the office can hand it over by other means.</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>UTC; while in the future, a web node is sending the current attempt and the others leave the e-mail alone.</summary>
    public DateTime? ClaimedUntil { get; set; }
    public string? LastError { get; set; }
}
