using System.Diagnostics;
using ReportEngine.Data;
using ReportEngine.Reports;

namespace ReportEngine.Benchmarks;

/// <summary>
/// How long each query of one report takes, run the way a run runs them (the template's SQL, its resolved
/// parameters, one read-only connection), without rendering: the part of a report's cost that depends on the data.
/// </summary>
internal static class QueryTimes
{
    /// <summary>Milliseconds per query, in the template's order: the faster of two runs, as this shared machine's noise only ever adds time.</summary>
    public static IReadOnlyList<(string Query, double Milliseconds)> Measure(string database, string templates, string template, IReadOnlyDictionary<string, string> parameters,
        string? reader = null)
    {
        using var connection = ReportsDatabase.OpenForReports(database, reader);
        var prepared = new ReportRunner(templates, TimeProvider.System, ReportRunner.DefaultQueryTimeLimit)
            .Prepare(new ReportRequest(template, parameters, "vi"), connection);
        var executor = new QueryExecutor(connection, ReportRunner.DefaultQueryTimeLimit);
        var times = new List<(string, double)>();
        foreach (var name in prepared.Template.Definition.Queries.Keys)
        {
            var fastest = double.MaxValue;
            for (var run = 0; run < 2; run++)
            {
                var watch = Stopwatch.StartNew();
                executor.Execute(name, prepared.Template.QuerySql[name], prepared.Values);
                fastest = Math.Min(fastest, watch.Elapsed.TotalMilliseconds);
            }

            times.Add((name, fastest));
        }

        return times;
    }
}
