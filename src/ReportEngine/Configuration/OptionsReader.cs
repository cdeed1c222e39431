using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ReportEngine.Configuration;

/// <summary>
/// Binds and validates an options type outside a host (the one-shot CLI verbs), with the same
/// validator the host runs at start, so a bad setting is one message naming its key either way.
/// </summary>
internal static class OptionsReader
{
    public static T Read<T>(IConfiguration configuration, string section, IValidateOptions<T> validator)
        where T : class, new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key and the value: "Failed to convert configuration value at 'Worker:GracePeriod' ...".
            throw new ReportEngineException(e.Message, e);
        }

        var result = validator.Validate(Options.DefaultName, options);
        return result.Failed ? throw new ReportEngineException(result.FailureMessage) : options;
    }
}
