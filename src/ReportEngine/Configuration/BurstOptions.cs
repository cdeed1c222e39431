using Microsoft.Extensions.Options;

namespace ReportEngine.Configuration;

/// <summary>Burst: how one burst (a report per committee) uses the machine.</summary>
public sealed class BurstOptions
{
    public const string Section = "Burst";

    /// <summary>
    /// Committees' reports of one burst rendered at the same time, each on its own connection. A report is
    /// CPU-bound (queries, then layout), so one per core; at most 64.
    /// </summary>
    public int MaxParallel { get; set; } = Math.Min(Environment.ProcessorCount, 64);
}

internal sealed class BurstOptionsValidator : IValidateOptions<BurstOptions>
{
    public ValidateOptionsResult Validate(string? name, BurstOptions options) =>
        options.MaxParallel is < 1 or > 64
            ? ValidateOptionsResult.Fail($"The setting {BurstOptions.Section}:MaxParallel must be from 1 to 64; it is {options.MaxParallel}.")
            : ValidateOptionsResult.Success;
}
