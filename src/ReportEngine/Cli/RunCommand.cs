using System.CommandLine;
using ReportEngine.Data;
using ReportEngine.Reports;

namespace ReportEngine.Cli;

/// <summary>run &lt;template&gt; --set name=value ... [--lang vi|en|pl] [--out DIR]: renders one report now.</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var template = new Argument<string>("template") { Description = "The template's folder name under templates/, e.g. annual-assessment." };
        var set = new Option<string[]>("--set") { Description = "A parameter value as name=value (repeat for more), e.g. --set year=2024 --set locality=binh-thuan." };
        var language = new Option<string>("--lang") { Description = "Report language: vi (default), en or pl.", DefaultValueFactory = _ => "vi" };
        language.AcceptOnlyFromAmong("vi", "en", "pl");
        var output = new Option<string?>("--out") { Description = "Folder for the PDF (default: the setting Output:Path, out/)." };

        var command = new Command("run", "Render one report now against the configured database and print the PDF's path.")
        {
            template, set, language, output,
        };
        command.SetAction(parse =>
        {
            var settings = context.Settings(parse);
            var request = new ReportRequest(parse.GetValue(template)!, ParameterAssignments.Parse(parse.GetValue(set)), parse.GetValue(language)!);
            using var connection = ReportsDatabase.OpenForReports(settings.ConnectionString);
            var runner = new ReportRunner(settings.TemplatesPath, context.Clock, TimeSpan.FromSeconds(60));
            var report = runner.Render(request, connection, Path.GetFullPath(parse.GetValue(output) ?? settings.OutputPath));
            context.Output.WriteLine(report.Path);
            return 0;
        });
        return command;
    }
}
