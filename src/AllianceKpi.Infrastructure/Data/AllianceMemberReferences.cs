using Microsoft.EntityFrameworkCore;

namespace AllianceKpi.Infrastructure.Data;

/// <summary>
/// Which entries name an alliance member. A member that is named cannot be deleted (the database refuses it); the delete handler asks
/// here first and shows <see cref="RefusalMessage"/> instead.
/// </summary>
public static class AllianceMemberReferences
{
    /// <summary>The labels of the entry kinds that name the member, in the menu's order; empty when it may be deleted.</summary>
    public static async Task<IReadOnlyList<string>> KindsNamingAsync(this AppDbContext db, int memberId, CancellationToken cancellationToken = default)
    {
        var kinds = new List<string>();
        if (await db.OperatingIncomes.AnyAsync(e => e.MemberId == memberId, cancellationToken))
        {
            kinds.Add("聯盟營運收入");
        }
        if (await db.CooperationProjects.AnyAsync(e => e.MemberId == memberId, cancellationToken))
        {
            kinds.Add("衍生產學合作計畫");
        }
        if (await db.TechTransfers.AnyAsync(e => e.MemberId == memberId, cancellationToken))
        {
            kinds.Add("衍生技轉");
        }
        if (await db.TechnicalServices.AnyAsync(e => e.MemberId == memberId, cancellationToken))
        {
            kinds.Add("技術服務");
        }
        if (await db.DerivedResults.AnyAsync(e => e.MemberId == memberId, cancellationToken))
        {
            kinds.Add("協助聯盟會員衍生成果");
        }
        return kinds;
    }

    public static string RefusalMessage(IReadOnlyList<string> kinds) =>
        $"此會員已被{string.Join("、", kinds)}的資料引用，無法刪除；請先修改或刪除那些資料。";
}
