using Microsoft.Extensions.Options;

namespace ReportEngine.Configuration;

/// <summary>Archive: where every run's PDF is kept.</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>The archive's root; relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = "archive";
}

internal sealed class ArchiveOptionsValidator : IValidateOptions<ArchiveOptions>
{
    public ValidateOptionsResult Validate(string? name, ArchiveOptions options) =>
        SettingChecks.Path($"{ArchiveOptions.Section}:Path", options.Path) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
