using System.ComponentModel.DataAnnotations;
using System.Text;
using AllianceKpi.Domain.Content;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace AllianceKpi.Web.Features.Account;

public sealed class ForgotPasswordForm
{
    [Display(Name = "電子信箱")]
    [Required(ErrorMessage = "請輸入電子信箱。")]
    [EmailAddress(ErrorMessage = "電子信箱格式不正確。")]
    [StringLength(256, ErrorMessage = "電子信箱最多 256 個字元。")]
    public string? Email { get; set; }
}

/// <summary>Puts a set-password link into the outbox for an account that exists and is not disabled; says nothing either way.</summary>
public sealed class ForgotPasswordHandler(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<ForgotPasswordHandler> logger)
{
    public const string Sent = "若此電子信箱已註冊，系統已寄出設定密碼的連結，請於 7 日內開啟信中連結設定新密碼。若未收到，請檢查垃圾郵件或聯絡計畫辦公室。";
    public const string Subject = "產學小聯盟管考平台重設密碼通知";

    public async Task SendLinkAsync(ForgotPasswordForm form, string baseUrl, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is null || AppUser.IsDisabledLockout(user.LockoutEnd))
        {
            logger.LogInformation("Password link asked for an e-mail without an active account");
            return;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = baseUrl.TrimEnd('/') + AccountLinks.SetPasswordPath(user.Id, token);
        db.Outbox.Add(new OutboxEmail
        {
            To = user.Email ?? "",
            Subject = Subject,
            Body = Body(user, link),
            Link = link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Password link queued for user {UserId}", user.Id);
    }

    private static string Body(AppUser user, string link) => new StringBuilder()
        .Append(user.DisplayName).AppendLine(" 您好：").AppendLine()
        .AppendLine("我們收到重設您產學小聯盟管考平台密碼的申請。請開啟下列連結設定新密碼（連結於 7 日內有效，使用一次後即失效）：")
        .AppendLine(link)
        .AppendLine()
        .AppendLine("如您並未提出申請，請忽略此信，您的密碼不會變更。此信由系統發出，請勿直接回覆。")
        .AppendLine()
        .AppendLine("科技部產學小聯盟計畫辦公室")
        .ToString();
}
