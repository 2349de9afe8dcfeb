namespace AllianceKpi.Infrastructure.DataProtection;

/// <summary>
/// One element of ASP.NET Core's Data Protection key ring (a key or a revocation), as the key manager wrote it. Every web node
/// reads the same rows, so a cookie or an anti-forgery token protected on one node is read on another.
/// </summary>
public sealed class DataProtectionKey
{
    public const int MaxFriendlyNameLength = 200;

    public int Id { get; set; }

    /// <summary>The name the key manager gives the element, e.g. "key-0f3c…"; informational only.</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The element's XML, unchanged.</summary>
    public string Xml { get; set; } = "";
}
