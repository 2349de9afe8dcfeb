using System.Text.Encodings.Web;
using System.Text.Unicode;
using AllianceKpi.Infrastructure;
using AllianceKpi.Infrastructure.Audit;
using AllianceKpi.Infrastructure.Data;
using AllianceKpi.Infrastructure.DataProtection;
using AllianceKpi.Infrastructure.Email;
using AllianceKpi.Infrastructure.Files;
using AllianceKpi.Infrastructure.Identity;
using AllianceKpi.Infrastructure.Seeding;
using AllianceKpi.Infrastructure.Submissions;
using AllianceKpi.Web.Features.Office.Exports;
using AllianceKpi.Web.Infrastructure;
using AllianceKpi.Web.Infrastructure.Authorization;
using AllianceKpi.Web.Infrastructure.Localization;
using AllianceKpi.Web.Infrastructure.Pdf;
using AllianceKpi.Web.Infrastructure.Security;
using AllianceKpi.Web.Infrastructure.Views;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace AllianceKpi.Web.Infrastructure.Startup;

public static class PortalServices
{
    public static void AddPortal(this WebApplicationBuilder builder, PortalSettings settings)
    {
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<TimeProvider>(settings.DemoToday is { } today ? new DemoClock(TimeProvider.System, today) : TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditSource, RequestAuditSource>();
        services.AddSingleton<AllianceKpi.Web.Features.Account.SessionClock>();
        services.AddAppDatabase(settings.Provider, settings.ConnectionString);
        services.AddScoped<AccountSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<OneTimeSubmissions>();
        services.AddHostedService<StartupTasks>();
        services.AddOutboxEmail(builder.Configuration);
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.AddDataProtection()
            .SetApplicationName("AllianceKpi")
            .PersistKeysToAppDatabase();
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton<Features.Progress.ProgressContextCache>();
        services.AddAttachments(Path.Combine(settings.StorageRoot, "attachments"));
        AddPdf(services, builder.Configuration);
        var pdfFiles = Path.Combine(settings.StorageRoot, "cache", "summary-pdfs");
        services.AddSingleton(sp => new Features.Reports.SummaryPdfFiles(pdfFiles, sp.GetRequiredService<ILogger<Features.Reports.SummaryPdfFiles>>()));
        Features.Office.WebsiteChecks.WebsiteProbeRegistration.AddWebsiteProbe(services, builder.Configuration);
        services.AddZipExports(builder.Configuration, settings.StorageRoot);
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = UploadLimits.MultipartBodyBytes);
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = UploadLimits.RequestBodyBytes);

        var cookieSecurePolicy = CookieSecurity.SecurePolicy(builder.Configuration, builder.Environment);
        AddAccounts(services, cookieSecurePolicy);
        AddAuthorization(services);
        services.AddCookieSecurity(cookieSecurePolicy);
        services.AddAccountProtection(builder.Configuration);
        services.AddRequestGate(builder.Configuration);

        services.AddPortalLocalization();
        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new UnreadableVersionFilter());
                ChineseBindingMessages.Apply(options.ModelBindingMessageProvider);
                options.ModelBinderProviders.Insert(0, new CheckboxValueBinderProvider());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));
        services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");
        services.AddFeatureHandlers();
    }

    /// <summary>One PDF renderer (one Chromium) for the process. A missing Chromium does not stop the portal: renders fail with PdfUnavailableException.</summary>
    private static void AddPdf(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PdfOptions>()
            .Bind(configuration.GetSection(PdfOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChromiumPath), "Pdf:ChromiumPath is empty: give the path of the Chromium binary (e.g. /usr/lib/chromium/chromium).")
            .Validate(o => o.MaxConcurrentRenders is >= 1 and <= 16, "Pdf:MaxConcurrentRenders must be between 1 and 16.")
            .Validate(o => o.RenderTimeout > TimeSpan.Zero, "Pdf:RenderTimeout must be a positive time span, e.g. 00:01:00.")
            .ValidateOnStart();
        services.AddSingleton<PdfRenderer>();
        services.AddScoped<RazorViewToString>();
    }

    private static void AddAccounts(IServiceCollection services, CookieSecurePolicy cookieSecurePolicy)
    {
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(7));
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.Cookie.Name = "AllianceKpi.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = cookieSecurePolicy;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(2);
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
    }

    private static void AddAuthorization(IServiceCollection services)
    {
        services.AddScoped<ProjectAccess>();
        services.AddScoped<IAuthorizationHandler, ProjectRoleHandler>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Office, p => p.RequireRole(AppRoles.Office, AppRoles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(AppRoles.Admin))
            .AddPolicy(Policies.ProjectMember, p => p.RequireAuthenticatedUser().AddRequirements(new ProjectRoleRequirement(PiOnly: false, OfficeAllowed: true)))
            .AddPolicy(Policies.ProjectPi, p => p.RequireAuthenticatedUser().AddRequirements(new ProjectRoleRequirement(PiOnly: true, OfficeAllowed: false)))
            .AddPolicy(Policies.ProjectPiOrOffice,
                p => p.RequireAuthenticatedUser().AddRequirements(new ProjectRoleRequirement(PiOnly: true, OfficeAllowed: true)));
    }

    /// <summary>Registers every feature handler (a class named *Handler in a Features namespace) as scoped.</summary>
    private static void AddFeatureHandlers(this IServiceCollection services)
    {
        var handlers = typeof(PortalServices).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal)
                        && t.Namespace?.Contains(".Features.", StringComparison.Ordinal) == true);
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }
    }
}
