namespace AllianceKpi.Domain.Kpi;

/// <summary>
/// When two member entries are the same company (rule 5 of docs/kpi-rules.md): the same 統一編號; when either has none, the
/// same name ignoring white space, width and case. The engine counts a company once by it; the member form warns by it.
/// </summary>
public static class CompanyIdentity
{
    /// <summary>Whether a member with (<paramref name="taxId"/>, <paramref name="name"/>) is the company (<paramref name="otherTaxId"/>, <paramref name="otherName"/>).</summary>
    public static bool Same(string? taxId, string? name, string? otherTaxId, string? otherName)
    {
        var (tax, otherTax) = (TaxIdKey(taxId), TaxIdKey(otherTaxId));
        if (tax.Length > 0 && otherTax.Length > 0)
        {
            return tax == otherTax;
        }
        var key = NameKey(name);
        return key.Length > 0 && key == NameKey(otherName);
    }

    /// <summary>
    /// A company name for comparison: no white space (including the ideographic space), full-width letters and digits
    /// folded to half-width, upper case. 「ＡＢＣ 公司」 and 「abc公司」 give the same key.
    /// </summary>
    public static string NameKey(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }
        Span<char> buffer = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            var folded = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            buffer[length++] = char.ToUpperInvariant(folded);
        }
        return length == 0 ? "" : new string(buffer[..length]);
    }

    /// <summary>A 統一編號 for comparison: eight ASCII digits without surrounding spaces; "" when it is not one.</summary>
    public static string TaxIdKey(string? taxId)
    {
        var trimmed = taxId.AsSpan().Trim();
        if (trimmed.Length != 8)
        {
            return "";
        }
        foreach (var c in trimmed)
        {
            if (!char.IsAsciiDigit(c))
            {
                return "";
            }
        }
        return trimmed.Length == taxId!.Length ? taxId : trimmed.ToString();
    }
}
