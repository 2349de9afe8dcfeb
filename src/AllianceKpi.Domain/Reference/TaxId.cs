namespace AllianceKpi.Domain.Reference;

/// <summary>
/// 營利事業統一編號: eight digits with the Ministry of Finance's check. Each digit is multiplied by the weights
/// 1,2,1,2,1,2,4,1 and the digits of every product are added (e.g. 9×2 = 18 → 1+8 = 9). The number is valid when
/// the sum is divisible by 5 (since 2023; it was 10 before, and every old number still passes). When the seventh
/// digit is 7 its product 28 gives 10, which may be read as 1 or 0: the number is then also valid when sum + 1 is
/// divisible by 5.
/// </summary>
public static class TaxId
{
    private static readonly int[] Weights = [1, 2, 1, 2, 1, 2, 4, 1];

    public const int Length = 8;

    public static bool IsValid(string? value)
    {
        var text = value?.Trim();
        if (text is null || text.Length != Length)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }
            var product = digit * Weights[i];
            sum += (product / 10) + (product % 10);
        }
        return sum % 5 == 0 || (text[6] == '7' && (sum + 1) % 5 == 0);
    }
}
