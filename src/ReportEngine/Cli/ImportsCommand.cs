using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ReportEngine.Data;
using ReportEngine.Import;

namespace ReportEngine.Cli;

/// <summary>imports list: one line per import (and the demo's), latest first.</summary>
public static class ImportsCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List the imports: id, when, who, source, the date figures are as of, files, what changed.");
        list.SetAction(parse =>
        {
            using var connection = OrganizationsDatabase.OpenExisting(context.Settings(parse).ConnectionString);
            foreach (var entry in ImportLog.List(connection))
            {
                context.Output.WriteLine(string.Join("  ",
                    entry.Id.ToString(CultureInfo.InvariantCulture), entry.ImportedAt, "by " + entry.ImportedBy, entry.Source,
                    "as of " + entry.DataAsOf, Files(entry.Files), Changes(entry.Summary)));
            }

            return 0;
        });
        return new Command("imports", "The record of every import.") { list };
    }

    private static string Files(string json)
    {
        using var document = JsonDocument.Parse(json);
        var files = document.RootElement.EnumerateArray()
            .Select(f => $"{f.GetProperty("name").GetString()} (sha256 {f.GetProperty("sha256").GetString()![..12]})")
            .ToList();
        return files.Count == 0 ? "-" : string.Join(", ", files);
    }

    private static string Changes(string json)
    {
        using var document = JsonDocument.Parse(json);
        var parts = new List<string>();
        foreach (var table in document.RootElement.EnumerateObject())
        {
            int Count(string name) => table.Value.TryGetProperty(name, out var v) ? v.GetInt32() : 0;
            var (added, changed, closed) = (Count("added"), Count("changed"), Count("closed"));
            if (added + changed + closed > 0)
            {
                parts.Add($"{table.Name} +{added} ~{changed}" + (closed > 0 ? $" closed {closed}" : ""));
            }
        }

        return parts.Count == 0 ? "no changes" : string.Join(", ", parts);
    }
}
