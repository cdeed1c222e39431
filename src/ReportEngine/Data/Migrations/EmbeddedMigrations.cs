using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ReportEngine.Data.Migrations;

/// <summary>
/// The migrations shipped inside the ReportEngine assembly: Data/Migrations/NNNN_name.sql,
/// embedded by the csproj as "ReportEngine.Migrations.NNNN_name.sql", written for SQLite and
/// translated for PostgreSQL (<see cref="PostgresDialect"/>).
/// </summary>
public static partial class EmbeddedMigrations
{
    private const string Prefix = "ReportEngine.Migrations.";

    public const string Postgres = "postgres";

    /// <param name="dialect">null for SQLite, or <see cref="Postgres"/>.</param>
    public static IReadOnlyList<Migration> Load(string? dialect = null)
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[Prefix.Length..^".sql".Length];

            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration resource {resource} must be named NNNN_name.sql.");
            }

            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                dialect == Postgres ? PostgresDialect.Translate(Read(assembly, resource)) : Read(assembly, resource)));
        }

        return Ordered(migrations);
    }

    internal static IReadOnlyList<Migration> Ordered(IEnumerable<Migration> migrations)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations share version {ordered[i].Version}: {ordered[i - 1].FullName} and {ordered[i].FullName}.");
            }
        }

        return ordered;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource {resource} cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)$")]
    private static partial Regex FileNamePattern();
}
