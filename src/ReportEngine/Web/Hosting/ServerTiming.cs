using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;

namespace ReportEngine.Web.Hosting;

/// <summary>
/// A <c>Server-Timing: app;dur=12.3</c> header on every response: the milliseconds from the request
/// reaching the console to its headers leaving (a page is rendered into its buffer by then). The runs
/// page's benchmark reads it, so the figure is the server's own, not the network's.
/// </summary>
public static class ServerTiming
{
    public const string Header = "Server-Timing";

    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers[Header] = string.Create(CultureInfo.InvariantCulture, $"app;dur={elapsed:0.0}");
            return Task.CompletedTask;
        });
        await next(context);
    });
}
