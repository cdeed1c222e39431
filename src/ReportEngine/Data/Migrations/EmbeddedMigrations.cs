using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace ReportEngine.Data.Migrations;

/// <summary>
/// The migrations shipped inside the ReportEngine assembly: Data/Migrations/NNNN_name.sql,
/// embedded by the csproj as "ReportEngine.Migrations.NNNN_name.sql", written for SQLite and
/// translated for PostgreSQL (<see cref="PostgresDialect"/>). A change no translation can make (a CHECK
/// altered: SQLite edits its text, PostgreSQL swaps the constraint) ships its PostgreSQL script beside
/// it as NNNN_name.postgres.sql, which replaces the translation there.
/// </summary>
public static partial class EmbeddedMigrations
{
    private const string Prefix = "ReportEngine.Migrations.";

    public const string Postgres = "postgres";

    private const string PostgresSuffix = "." + Postgres;

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
            var ownScript = fileName.EndsWith(PostgresSuffix, StringComparison.Ordinal);
            if (ownScript)
            {
                fileName = fileName[..^PostgresSuffix.Length];
            }

            // SQLite never reads a PostgreSQL script; PostgreSQL reads it instead of the translated one.
            if (ownScript ? dialect != Postgres : dialect == Postgres && HasOwnPostgresScript(assembly, fileName))
            {
                continue;
            }

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

    private static bool HasOwnPostgresScript(Assembly assembly, string fileName) =>
        assembly.GetManifestResourceInfo(Prefix + fileName + PostgresSuffix + ".sql") is not null;

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
