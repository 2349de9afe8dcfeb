using Microsoft.Extensions.DependencyInjection;

namespace AllianceKpi.Infrastructure.Files;

/// <summary>Request-size limits around uploads: big enough that a file over the 10 MB rule reaches the app and is told its size.</summary>
public static class UploadLimits
{
    /// <summary>A multipart form body may be up to 20 MB, so a 12.3 MB file gets 「檔案大小限制10MB，上傳的檔案為 12.3MB」.</summary>
    public const long MultipartBodyBytes = 20L * 1024 * 1024;

    /// <summary>The whole request: the form body plus its other fields; larger requests are cut off by the server (413).</summary>
    public const long RequestBodyBytes = MultipartBodyBytes + 1024 * 1024;
}

public static class FileServices
{
    /// <summary>The attachment store under <paramref name="attachmentsRoot"/> and the service the entry forms use.</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services, string attachmentsRoot)
    {
        services.AddSingleton<IFileStore>(new LocalFileStore(attachmentsRoot));
        services.AddScoped<AttachmentService>();
        return services;
    }
}
