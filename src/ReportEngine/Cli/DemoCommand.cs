using System.CommandLine;
using System.Globalization;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Data.Demo;
using ReportEngine.Data.Demo.Nation;
using ReportEngine.Reports;
using ReportEngine.Templates.Liquid;

namespace ReportEngine.Cli;

/// <summary>
/// demo --out DIR [--db FILE]: builds the demo database for Bình Thuận and renders the provincial
/// annual assessment for 2024 in every language into DIR.
/// demo --scale nation --db POSTGRES [--seed N]: fills an empty PostgreSQL database with the whole
/// country after the 2025 reform (see NationDataset) and prints the rows of each table.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string?>("--out") { Description = "Folder for the demo database (unless --db is given) and the PDFs (required without --scale)." };
        var scale = new Option<string?>("--scale") { Description = "nation: the whole country (34 provinces, 3,321 communes, ~15 million members) into the empty PostgreSQL database --db." };
        var seed = new Option<int>("--seed") { Description = "With --scale nation: the seed of every random choice (the same seed gives the same rows).", DefaultValueFactory = _ => NationDataset.DefaultSeed };
        // For tests: a fraction of the organisations and members (the units stay complete).
        var scaleFactor = new Option<double>("--scale-factor") { Hidden = true, DefaultValueFactory = _ => 1 };
        var command = new Command("demo",
            "Create a fresh demo database (Bình Thuận, 1,392 organisations) and render its 2024 annual assessment; " +
            "with --scale nation, fill an empty PostgreSQL database with the whole country.")
        {
            output, scale, seed, scaleFactor,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(scale) is { } scaleName)
            {
                return Nation(context, scaleName, parse.GetValue(context.Database), parse.GetValue(seed), parse.GetValue(scaleFactor));
            }

            var directory = Path.GetFullPath(parse.GetValue(output)
                ?? throw new ReportEngineException("demo needs --out (the folder for the demo database and its PDFs)."));
            Directory.CreateDirectory(directory);
            var file = Path.GetFullPath(parse.GetValue(context.Database) ?? Path.Combine(directory, "demo.db"));
            var settings = context.Settings(parse);

            if (!DemoMarker.MayReplace(file))
            {
                throw new ReportEngineException(
                    $"{file} exists and is not a demo database made by this command; it is left untouched. Choose another --db or --out.");
            }

            var summary = DemoDataset.Create(file, overwrite: true);
            DemoMarker.Mark(file);
            using var connection = ReportsDatabase.OpenForReports(file);

            // The rows include organisations dissolved or founded later and members who left: say what counts on the report's date.
            var active = connection.QuerySingle<(long Organizations, long Members)>(
                """
                SELECT (SELECT COUNT(*) FROM organizations WHERE founded_on <= @day AND (dissolved_on IS NULL OR dissolved_on > @day)),
                       (SELECT COUNT(*) FROM members WHERE joined_on <= @day AND (left_on IS NULL OR left_on > @day))
                """, new { day = "2024-08-31" });
            context.Output.WriteLine(
                $"demo database {file}: {active.Organizations:N0} organisations and {active.Members:N0} members on 31 August 2024 " +
                $"({summary.Organizations:N0} and {summary.Members:N0} rows with the past), {summary.Committees:N0} committees, " +
                $"made in {summary.Elapsed.TotalSeconds:0.0} s");

            var runner = new ReportRunner(settings.TemplatesPath, context.Clock, ReportRunner.DefaultQueryTimeLimit);
            foreach (var language in ReportCulture.SupportedLanguages)
            {
                var parameters = new Dictionary<string, string> { ["year"] = "2024", ["locality"] = "binh-thuan" };
                var report = runner.Render(new ReportRequest("annual-assessment", parameters, language), connection, directory);
                context.Output.WriteLine(report.Path);
            }

            return 0;
        });
        return command;
    }

    private static int Nation(CliContext context, string scale, string? database, int seed, double scaleFactor)
    {
        if (scale != "nation")
        {
            throw new ReportEngineException($"--scale {scale} is not known; the only scale is `nation`.");
        }

        if (database is null || !PostgresDatabase.IsPostgres(database))
        {
            throw new ReportEngineException(
                "demo --scale nation writes to PostgreSQL only: give --db a PostgreSQL connection string (Host=...;Database=...;Username=...), not a SQLite file.");
        }

        var summary = NationDataset.Create(database, seed, scaleFactor, context.Clock);
        foreach (var (table, rows) in summary.Tables)
        {
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table}: {rows}"));
        }

        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds={summary.Elapsed.TotalSeconds:0.0}"));
        return 0;
    }
}
