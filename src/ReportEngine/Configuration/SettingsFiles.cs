using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace ReportEngine.Configuration;

/// <summary>Which settings file (appsettings.json) a key was read from, looking through chained configurations (the host's wraps the CLI's).</summary>
internal static class SettingsFiles
{
    /// <summary>The full path of the first JSON settings file that gives the key a non-empty value; null when none does.</summary>
    public static string? Holding(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        foreach (var provider in root.Providers)
        {
            switch (provider)
            {
                case JsonConfigurationProvider json when json.TryGet(key, out var value) && !string.IsNullOrEmpty(value):
                    var source = json.Source;
                    return source.FileProvider?.GetFileInfo(source.Path ?? "").PhysicalPath ?? source.Path;
                case ChainedConfigurationProvider chained when Holding(chained.Configuration, key) is { } file:
                    return file;
            }
        }

        return null;
    }
}
