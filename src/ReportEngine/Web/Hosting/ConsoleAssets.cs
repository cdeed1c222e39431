using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;

namespace ReportEngine.Web.Hosting;

/// <summary>
/// The console's static files (Web/Assets: a plain stylesheet, no JavaScript build) are embedded in the
/// binary and served under /assets without login: one deployable, nothing to copy beside it.
/// </summary>
public static class ConsoleAssets
{
    public const string RequestPath = "/assets";

    public static IApplicationBuilder UseConsoleAssets(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        RequestPath = RequestPath,
        FileProvider = new EmbeddedFileProvider(typeof(ConsoleAssets).Assembly, "ReportEngine.Web.Assets"),
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
    });
}
