using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AllianceKpi.Infrastructure.Email;

/// <summary>Email:Smtp settings. With no Host the portal sends nothing: e-mails stay in the outbox for the office to hand over.</summary>
public sealed class SmtpSettings
{
    public const string Section = "Email:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "alliancekpi@localhost";
    public bool EnableSsl { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public static class EmailServices
{
    /// <summary>Binds Email:Smtp (checked at start) and runs the <see cref="OutboxSender"/> in the background.</summary>
    public static IServiceCollection AddOutboxEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpSettings>()
            .Bind(configuration.GetSection(SmtpSettings.Section))
            .Validate(s => !s.IsConfigured || s.Port is > 0 and <= 65535, "Email:Smtp:Port must be between 1 and 65535.")
            .Validate(s => !s.IsConfigured || System.Net.Mail.MailAddress.TryCreate(s.From, out _), "Email:Smtp:From must be an e-mail address.")
            .ValidateOnStart();
        services.AddHostedService<OutboxSender>();
        return services;
    }
}
