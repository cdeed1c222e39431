using System.Data.Common;
using ReportEngine.Data;

namespace ReportEngine.Numbers;

/// <summary>
/// The register in the reports SQLite file. Microsoft.Data.Sqlite begins transactions IMMEDIATE: the
/// writer lock is held from the first statement, so every process and connection takes numbers one at a time.
/// </summary>
public sealed class SqliteDocumentRegister(string connectionString) : DocumentRegister
{
    protected override DbConnection Open() => SqliteDatabase.Open(connectionString);

    protected override T WithRetry<T>(Func<DbConnection, T> work)
    {
        using var connection = Open();
        return work(connection);
    }
}
