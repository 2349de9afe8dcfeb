using AllianceKpi.Domain.Progress;

namespace AllianceKpi.Domain.Kpi.Rules;

/// <summary>
/// The members already counted, so that the same company reported twice (a renewal, a second period) counts once.
/// Same company: the same 統一編號; when either entry has none, the same name (ignoring spaces, width and case).
/// </summary>
internal sealed class MemberRegister(KpiContext context)
{
    private readonly Dictionary<string, AllianceMember> byTaxId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AllianceMember> byName = new(StringComparer.Ordinal);

    /// <summary>Registers a valid member; false (with the reason) when the company was already counted.</summary>
    public bool TryAdd(AllianceMember member, Findings findings)
    {
        var taxId = TaxIdKey(member.TaxId);
        var name = Say.NameKey(member.CompanyName);
        if (FindEarlier(taxId, name) is { } earlier)
        {
            var where = earlier.ReportingPeriodId == member.ReportingPeriodId ? "本期" : context.PeriodName(earlier.ReportingPeriodId);
            var same = taxId.Length > 0 && TaxIdKey(earlier.TaxId) == taxId ? $"統一編號 {taxId} 相同" : "名稱相同";
            findings.Refuse($"與{where}已列入之會員「{earlier.CompanyName.Trim()}」重複（{same}），同一會員只計一次");
            return false;
        }
        if (taxId.Length > 0)
        {
            byTaxId[taxId] = member;
        }
        if (name.Length > 0)
        {
            byName.TryAdd(name, member);
        }
        return true;
    }

    private AllianceMember? FindEarlier(string taxId, string name)
    {
        if (taxId.Length > 0 && byTaxId.TryGetValue(taxId, out var sameTaxId))
        {
            return sameTaxId;
        }
        if (name.Length > 0 && byName.TryGetValue(name, out var sameName)
            && (taxId.Length == 0 || TaxIdKey(sameName.TaxId).Length == 0))
        {
            return sameName;
        }
        return null;
    }

    private static string TaxIdKey(string? taxId) => CompanyIdentity.TaxIdKey(taxId);
}
