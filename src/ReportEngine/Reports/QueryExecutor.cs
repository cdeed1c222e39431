using System.Data.Common;
using Dapper;

namespace ReportEngine.Reports;

/// <summary>
/// Runs a template's named queries with Dapper. Parameters are always bound, never spliced
/// into the SQL; Dapper sends only the parameters a query's text names.
/// </summary>
public sealed class QueryExecutor(DbConnection connection, TimeSpan timeLimit)
{
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Execute(string name, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        var arguments = new DynamicParameters();
        foreach (var (key, value) in parameters)
        {
            arguments.Add(key, value);
        }

        try
        {
            var command = new CommandDefinition(sql, arguments, commandTimeout: (int)Math.Ceiling(timeLimit.TotalSeconds));
            return connection.Query<dynamic>(command)
                .Cast<IDictionary<string, object?>>()
                .Select(row => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(row, StringComparer.Ordinal))
                .ToList();
        }
        catch (DbException e)
        {
            throw new ReportEngineException($"Query \"{name}\" failed: {e.Message}", e);
        }
    }
}
