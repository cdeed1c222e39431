using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ReportEngine.Web.Api;

/// <summary>
/// What only the API needs besides the console's shared services (Web/Hosting/ConsoleServices): its time
/// format and the OpenAPI document.
/// </summary>
public static class ApiServices
{
    public static IServiceCollection AddConsoleApi(this IServiceCollection services)
    {
        services.TryAddSingleton<ApiTime>();
        services.AddApiDocument();
        return services;
    }
}
