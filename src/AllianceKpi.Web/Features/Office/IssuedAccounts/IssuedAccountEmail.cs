using System.Text;
using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Web.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Web.Features.Office.IssuedAccounts;

/// <summary>
/// The 帳號開通通知 e-mail of an account the office issued (統一核發): it carries a set-password link, kept on the outbox row
/// too so the office can hand it over by phone or its own e-mail.
/// </summary>
public static class IssuedAccountEmail
{
    public const string Subject = "產學小聯盟管考平台帳號開通通知";
    public const int LinkValidDays = 7;

    /// <summary>The portal's address as the request reached it, e.g. https://alliance.example.tw.</summary>
    public static string BaseUrlOf(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>A fresh set-password link for the account, put into an outbox e-mail (not yet saved).</summary>
    public static async Task<OutboxEmail> ComposeAsync(
        UserManager<AppUser> users, AppUser user, string baseUrl, IEnumerable<string> introduction, DateTime now)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = baseUrl.TrimEnd('/') + AccountLinks.SetPasswordPath(user.Id, token);
        var body = new StringBuilder()
            .Append(user.DisplayName).AppendLine(" 您好：").AppendLine();
        foreach (var line in introduction)
        {
            body.AppendLine(line);
        }
        body.AppendLine()
            .Append("登入帳號：").AppendLine(user.Email)
            .Append("請開啟下列連結設定密碼（連結於 ").Append(LinkValidDays).AppendLine(" 日內有效，逾期請洽計畫辦公室重新寄發）：")
            .AppendLine(link)
            .AppendLine()
            .AppendLine("設定密碼後即可登入產學小聯盟管考平台。此信由系統發出，請勿直接回覆。")
            .AppendLine()
            .AppendLine("科技部產學小聯盟計畫辦公室");
        return new OutboxEmail
        {
            To = user.Email ?? "",
            Subject = Subject,
            Body = body.ToString(),
            Link = link,
            CreatedAt = now,
        };
    }

    /// <summary>The project lines of a PI's e-mail, at most 30 of them.</summary>
    public static IEnumerable<string> ProjectLines(IReadOnlyCollection<(string Number, string Name, int Year)> projects)
    {
        yield return "計畫辦公室已為您統一核發產學小聯盟管考平台的計畫主持人帳號，您主持的計畫如下：";
        foreach (var (number, name, year) in projects.Take(30))
        {
            yield return $"・{number} {name}（{year} 年度）";
        }
        if (projects.Count > 30)
        {
            yield return $"…等共 {projects.Count} 個計畫。";
        }
    }
}
