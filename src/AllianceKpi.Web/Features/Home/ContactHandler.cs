namespace AllianceKpi.Web.Features.Home;

/// <summary>
/// 聯絡我們: the programme office's contact details, from the configuration section <c>Contact</c>.
/// Only the office's name has a default; a detail left empty is not shown.
/// </summary>
public sealed class ContactOptions
{
    public const string Section = "Contact";

    public string Organisation { get; set; } = "計畫辦公室－工程科技推展中心";
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? OfficeHours { get; set; }
}

public sealed record ContactLine(string Label, string Value);

public sealed record ContactViewModel(string Organisation, IReadOnlyList<ContactLine> Lines);

public sealed class ContactHandler(IConfiguration configuration)
{
    public ContactViewModel Contact()
    {
        var options = configuration.GetSection(ContactOptions.Section).Get<ContactOptions>() ?? new ContactOptions();
        var lines = new[]
            {
                new ContactLine("聯絡人", options.ContactPerson ?? ""),
                new ContactLine("電話", options.Phone ?? ""),
                new ContactLine("傳真", options.Fax ?? ""),
                new ContactLine("電子信箱", options.Email ?? ""),
                new ContactLine("地址", options.Address ?? ""),
                new ContactLine("服務時間", options.OfficeHours ?? ""),
            }
            .Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .Select(l => l with { Value = l.Value.Trim() })
            .ToList();
        var organisation = string.IsNullOrWhiteSpace(options.Organisation) ? new ContactOptions().Organisation : options.Organisation.Trim();
        return new ContactViewModel(organisation, lines);
    }
}
