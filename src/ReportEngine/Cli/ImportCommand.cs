using System.CommandLine;
using ReportEngine.Data;
using ReportEngine.Import;

namespace ReportEngine.Cli;

/// <summary>
/// import PATH [--dry-run] [--as-of DATE] [--close-missing DATE] [--lang en|vi] [--by NAME]: load a folder of
/// CSV files or an .xlsx workbook, all or nothing. import template --out FILE.xlsx: the blank workbook.
/// import export --out FILE.xlsx|FOLDER: the current data in the same layout.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("path") { Description = "A folder of CSV files named <table>.csv, or an .xlsx workbook with a sheet per table." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and print what would change; write nothing." };
        var asOf = new Option<string?>("--as-of") { Description = "The day the figures are as of (yyyy-MM-dd); default: today in Vietnam." };
        var closeMissing = new Option<string?>("--close-missing") { Description = "Organisations (and members) the files no longer list are closed on this day: dissolved_on (left_on) is set." };
        var by = new Option<string?>("--by") { Description = "Who imports, for the record (default: the user name)." };
        var lang = Language();
        var import = new Command("import", "Import organisations data from CSV files or an .xlsx workbook: every row checked, every error listed, all or nothing.")
        {
            path, dryRun, asOf, closeMissing, by, lang,
        };
        import.SetAction(parse =>
        {
            var text = ImportText.For(parse.GetValue(lang));
            var request = new ImportRequest(parse.GetValue(path)!, parse.GetValue(dryRun), parse.GetValue(asOf), parse.GetValue(closeMissing),
                parse.GetValue(by) ?? Environment.UserName, text);
            var progress = ProgressLine.For(context.Error, context.Clock);
            var result = new ImportService(context.Clock).Run(context.Settings(parse).ConnectionString, request,
                progress is null ? null : (table, rows) => progress.Report(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{table}: {rows:N0} rows")));
            progress?.Done();
            foreach (var line in result.Plan.Describe(text))
            {
                context.Output.WriteLine(line);
            }

            context.Output.WriteLine(result.Written
                ? (text.Language == "vi" ? $"đã nhập; số liệu tính đến ngày {result.DataAsOf}" : $"imported; figures as of {result.DataAsOf}")
                : (text.Language == "vi" ? "chạy thử (--dry-run): không ghi gì" : "dry run: nothing was written"));
            return 0;
        });

        var templateOut = new Option<string>("--out") { Description = "The workbook to write (.xlsx).", Required = true };
        var templateLang = Language();
        var template = new Command("template", "Write the blank workbook: a sheet per table with its header, notes on every column, and the database's locality codes.")
        {
            templateOut, templateLang,
        };
        template.SetAction(parse =>
        {
            var text = ImportText.For(parse.GetValue(templateLang));
            var file = Workbook(parse.GetValue(templateOut)!);
            var connectionString = context.Settings(parse).ConnectionString;
            using var connection = HasDatabase(connectionString) ? OrganizationsDatabase.OpenExisting(connectionString) : null;
            ImportExport.Template(file, text, connection);
            context.Output.WriteLine(file);
            return 0;
        });

        var exportOut = new Option<string>("--out") { Description = "An .xlsx workbook, or a folder for CSV files.", Required = true };
        var export = new Command("export", "Write the database's data in the import format, to import elsewhere or to correct and import again.") { exportOut };
        export.SetAction(parse =>
        {
            var target = Path.GetFullPath(parse.GetValue(exportOut)!);
            using var connection = OrganizationsDatabase.OpenExisting(context.Settings(parse).ConnectionString);
            if (target.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                ImportExport.Workbook(target, connection);
            }
            else
            {
                ImportExport.CsvFolder(target, connection);
            }

            context.Output.WriteLine(target);
            return 0;
        });

        import.Subcommands.Add(template);
        import.Subcommands.Add(export);
        return import;
    }

    private static Option<string?> Language()
    {
        var lang = new Option<string?>("--lang") { Description = "Messages (and the template's notes) in en or vi; default en." };
        lang.AcceptOnlyFromAmong([.. ImportText.Languages]);
        return lang;
    }

    private static string Workbook(string path)
    {
        var file = Path.GetFullPath(path);
        return file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? file
            : throw new ReportEngineException($"--out {path}: the template is an .xlsx workbook; name the file *.xlsx.");
    }

    /// <summary>The template lists locality codes only from a database that is there: it never creates one.</summary>
    private static bool HasDatabase(string connectionString) =>
        PostgresDatabase.IsPostgres(connectionString) || File.Exists(ReportsDatabase.SqliteFile(connectionString));
}
