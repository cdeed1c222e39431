using Microsoft.Extensions.Configuration;

namespace ReportEngine.Configuration;

/// <summary>
/// The settings every verb needs, read from config/appsettings.json and then the environment
/// (ConnectionStrings__Reports, Templates__Path), with relative paths resolved once here.
/// </summary>
public sealed record ReportEngineSettings(string ConnectionString, string TemplatesPath)
{
    public const string ConnectionStringKey = "ConnectionStrings:Reports";
    public const string ReaderConnectionStringKey = "ConnectionStrings:ReportsReader";
    public const string DefaultConnectionString = "Data Source=data/reports.db";

    /// <summary>Reports:MaxQueryRows, validated when the settings are read.</summary>
    public int MaxQueryRows { get; init; } = ReportsOptions.DefaultMaxQueryRows;

    public static IConfigurationRoot BuildConfiguration(string workingDirectory) =>
        new ConfigurationBuilder()
            // The copy next to the binary carries the defaults; the one in the working directory
            // (the repository root, or the service's WorkingDirectory) is what an admin edits.
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(workingDirectory, "config", "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

    public static ReportEngineSettings Load(IConfiguration configuration, string workingDirectory, string? databaseOverride)
    {
        var connectionString = databaseOverride ?? configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = DefaultConnectionString;
        }

        var templates = ResolveDirectory(configuration["Templates:Path"] ?? "templates", workingDirectory, "Templates:Path");
        var reports = OptionsReader.Read(configuration, ReportsOptions.Section, new ReportsOptionsValidator());
        var reader = configuration[ReaderConnectionStringKey];
        var signing = OptionsReader.Read(configuration, SigningOptions.Section, new SigningOptionsValidator());
        return new ReportEngineSettings(connectionString, templates)
        {
            MaxQueryRows = reports.MaxQueryRows,
            ReaderConnectionString = string.IsNullOrWhiteSpace(reader) ? null : reader,
            Signing = signing,
        };
    }

    /// <summary>Signing:*, validated when the settings are read (the certificate opens with its password).</summary>
    public SigningOptions Signing { get; init; } = new();

    /// <summary>
    /// PostgreSQL only: the connection reports' queries run on, logged in as a role that may only SELECT
    /// (`db reader-role`); ConnectionString stays the owner's, for migrations, import and `db` verbs.
    /// </summary>
    public string? ReaderConnectionString { get; init; }

    /// <summary>A relative folder is looked up in the working directory first, then next to the binary.</summary>
    private static string ResolveDirectory(string configured, string workingDirectory, string key)
    {
        var candidates = Path.IsPathRooted(configured)
            ? [configured]
            : new[] { Path.GetFullPath(configured, workingDirectory), Path.GetFullPath(configured, AppContext.BaseDirectory) };
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new ReportEngineException(
                $"The folder named by the setting {key} (\"{configured}\") does not exist; looked in {string.Join(" and ", candidates)}.");
    }
}
