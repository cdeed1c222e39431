using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ReportEngine.Data;

namespace ReportEngine.Import;

/// <summary>What `import PATH` was asked to do.</summary>
public sealed record ImportRequest(string Path, bool DryRun, string? AsOf, string? CloseMissing, string ImportedBy, ImportText Text);

/// <summary>What an import did (or, for a dry run, would do).</summary>
public sealed record ImportResult(ImportPlan Plan, bool Written, string DataAsOf, long Rows);

/// <summary>
/// `import PATH`: read every table, check every row (collecting every error), compare with the
/// database, then write everything in one transaction, or nothing. The CLI and the benchmark both
/// come through here.
/// </summary>
public sealed class ImportService(TimeProvider clock)
{
    public ImportResult Run(string connectionString, ImportRequest request, Action<string, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text;
        var asOf = request.AsOf is null ? Today() : Day(request.AsOf, "--as-of");
        var closeMissing = request.CloseMissing is null ? null : Day(request.CloseMissing, "--close-missing");
        var source = ImportSource.Open(request.Path);
        using var connection = OrganizationsDatabase.OpenExisting(connectionString);
        var errors = new List<ImportError>(source.Errors);
        var validator = new TableValidator(text, new CellParser(text), errors, progress);
        var planner = new ImportPlanner(connection, text, errors, closeMissing);
        planner.Load(source.Tables.Select(t => t.Spec));
        // A dry run never opens the transaction; a real one writes each row as it comes and commits only without errors.
        using var writer = request.DryRun ? null : new ImportWriter(connection);
        using var writing = writer is null ? null : new WriterThread();
        long rows = 0;
        foreach (var table in source.Tables)
        {
            ParsedTable? parsed = null;
            try
            {
                using var reader = table.Open();
                parsed = validator.Read(table.Spec, reader, (t, row) =>
                {
                    if (t.Rows == 1)
                    {
                        planner.Begin(t);
                        writing?.Post(() => writer!.Begin(t));
                    }

                    var change = planner.Row(t, row);
                    if (errors.Count == 0)
                    {
                        writing?.Post(() => writer!.Row(t, row.Values, change));
                    }
                });
            }
            catch (DecoderFallbackException)
            {
                errors.Add(new ImportError(table.File, table.Sheet, 0, null, null, text.NotUtf8));
            }

            if (parsed is not null)
            {
                if (parsed.Rows == 0)
                {
                    planner.Begin(parsed);
                    writing?.Post(() => writer!.Begin(parsed));
                }

                planner.End(parsed);
                rows += parsed.Rows;
                if (errors.Count == 0)
                {
                    var changes = planner.Plan.Tables[^1];
                    writing?.Post(() => writer!.End(changes, closeMissing));
                }
            }
        }

        var plan = planner.Plan;
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors, text);
        }

        writing?.Drain();
        writer?.Commit(plan, new ImportRecord(
            clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            request.ImportedBy,
            JsonSerializer.Serialize(source.Files.Select(f => new { name = f.Name, sheets = f.Sheets, sha256 = f.Sha256 })),
            asOf));

        return new ImportResult(plan, !request.DryRun, asOf, rows);
    }

    /// <summary>
    /// Without --as-of, the figures are taken to be as of the day of the import in Vietnam: an office
    /// imports what its lists say today, and a report dated later than that is refused until newer data come.
    /// </summary>
    private string Today()
    {
        var zone = VietnamTime();
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static TimeZoneInfo VietnamTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // No time zone database on the machine: Vietnam has kept UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        }
    }

    private static string Day(string value, string option) =>
        new CellParser(ImportText.English).Parse(new ColumnSpec(option, ColumnKind.Date, true, "", "", ""), value, out var why)
        ?? throw new ReportEngineException($"{option} \"{value}\": {why}");
}
