using Microsoft.Extensions.Options;

namespace ReportEngine.Configuration;

/// <summary>Reports: limits on what one report's queries may return.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    public const int DefaultMaxQueryRows = 100_000;

    /// <summary>
    /// Rows one query may return; a query returning more fails its run, naming the template and the query
    /// (a report of a few hundred pages holds a few thousand rows: more is a query gone wrong).
    /// </summary>
    public int MaxQueryRows { get; set; } = DefaultMaxQueryRows;
}

internal sealed class ReportsOptionsValidator : IValidateOptions<ReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportsOptions options) =>
        options.MaxQueryRows < 1
            ? ValidateOptionsResult.Fail($"The setting {ReportsOptions.Section}:MaxQueryRows must be at least 1; it is {options.MaxQueryRows}.")
            : ValidateOptionsResult.Success;
}
