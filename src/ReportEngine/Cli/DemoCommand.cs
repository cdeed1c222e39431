using System.CommandLine;
using Dapper;
using ReportEngine.Data;
using ReportEngine.Data.Demo;
using ReportEngine.Reports;
using ReportEngine.Templates.Liquid;

namespace ReportEngine.Cli;

/// <summary>
/// demo --out DIR [--db FILE]: builds the demo database for Bình Thuận and renders the provincial
/// annual assessment for 2024 in every language into DIR.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo database (unless --db is given) and the PDFs.", Required = true };
        var command = new Command("demo", "Create a fresh demo database (Bình Thuận, 1,392 organisations) and render its 2024 annual assessment.")
        {
            output,
        };
        command.SetAction(parse =>
        {
            var directory = Path.GetFullPath(parse.GetValue(output)!);
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
}
