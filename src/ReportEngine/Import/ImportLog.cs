using System.Data.Common;
using Dapper;

namespace ReportEngine.Import;

/// <summary>One row of the imports table.</summary>
public sealed record ImportLogEntry(long Id, string ImportedAt, string ImportedBy, string Source, string Files, string DataAsOf, string Summary);

/// <summary>The record of every import (and of the demo), latest first.</summary>
public static class ImportLog
{
    public static IReadOnlyList<ImportLogEntry> List(DbConnection connection) =>
        [.. connection.Query<ImportLogEntry>(
            """
            SELECT id AS Id, imported_at AS ImportedAt, imported_by AS ImportedBy, source AS Source, files AS Files,
                   data_as_of AS DataAsOf, summary AS Summary
            FROM imports ORDER BY id DESC
            """)];
}
