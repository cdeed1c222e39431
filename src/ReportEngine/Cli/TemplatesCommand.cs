using System.CommandLine;
using ReportEngine.Data;
using ReportEngine.Templates;
using ReportEngine.Templates.Validation;

namespace ReportEngine.Cli;

/// <summary>
/// templates validate [PATH]: checks template folders and lists every problem with file, line and column.
/// templates list | show NAME: what each template asks for (see <see cref="TemplateDescriptions"/>).
/// </summary>
public static class TemplatesCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string?>("path")
        {
            Description = "A template folder, or a folder of templates (default: the setting Templates:Path).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var validate = new Command("validate", "Check templates: YAML, blocks, queries and their columns, Liquid, strings in every language, parameter defaults.")
        {
            path,
        };
        validate.SetAction(parse => Validate(context, parse, parse.GetValue(path)));

        var list = new Command("list", "List the templates: name, description, languages.");
        list.SetAction(parse =>
        {
            foreach (var template in new TemplateDescriptions(context.Settings(parse).TemplatesPath).List())
            {
                context.Output.WriteLine(TemplateText.Line(template));
            }

            return 0;
        });

        var name = new Argument<string>("name") { Description = "The template's folder name, as `templates list` shows it." };
        var show = new Command("show", "Show a template's parameters (type, default, allowed range, description), languages and queries.") { name };
        show.SetAction(parse =>
        {
            foreach (var line in TemplateText.Lines(new TemplateDescriptions(context.Settings(parse).TemplatesPath).Describe(parse.GetValue(name)!)))
            {
                context.Output.WriteLine(line);
            }

            return 0;
        });

        return new Command("templates", "Work with report templates.") { validate, list, show };
    }

    private static int Validate(CliContext context, ParseResult parse, string? path)
    {
        var settings = context.Settings(parse);
        var root = Path.GetFullPath(path ?? settings.TemplatesPath);
        var folders = File.Exists(Path.Combine(root, TemplateLoader.DefinitionFileName))
            ? [root]
            : Directory.Exists(root)
                ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, TemplateLoader.DefinitionFileName))).Order(StringComparer.Ordinal).ToArray()
                : throw new ReportEngineException($"There is no template folder at {root}.");

        using var database = OpenIfPresent(settings, context.Output);
        var validator = new TemplateValidator(database);
        var problems = 0;
        foreach (var folder in folders)
        {
            var found = validator.Validate(folder);
            problems += found.Count;
            context.Output.WriteLine($"{Path.GetFileName(folder)}: {(found.Count == 0 ? "ok" : $"{found.Count} problem(s)")}");
            foreach (var problem in found)
            {
                context.Output.WriteLine("  " + problem.Message);
            }
        }

        return problems == 0 ? 0 : CommandLineApplication.UserError;
    }

    /// <summary>Query columns can only be checked against a database; without one the rest is still checked.</summary>
    private static System.Data.Common.DbConnection? OpenIfPresent(Configuration.ReportEngineSettings settings, TextWriter output)
    {
        try
        {
            return ReportsDatabase.OpenForReports(settings.ConnectionString, settings.ReaderConnectionString);
        }
        catch (ReportEngineException e)
        {
            output.WriteLine($"note: query columns not checked ({e.Message})");
            return null;
        }
    }
}
