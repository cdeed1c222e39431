using System.Data.Common;
using Npgsql;
using ReportEngine.Data;

namespace ReportEngine.Numbers;

/// <summary>
/// The register on PostgreSQL, for several workers on several machines. Under READ COMMITTED two
/// transactions may read the same maximum; the second insert then waits for the first and fails on the
/// primary key, and is simply done again with the new maximum: a number is never given twice.
/// </summary>
public sealed class PostgresDocumentRegister(string connectionString) : DocumentRegister
{
    // Each failed attempt means another writer got a number: with N writers at once, N attempts suffice.
    private const int MaxAttempts = 200;

    protected override DbConnection Open() => PostgresDatabase.Open(connectionString);

    protected override T WithRetry<T>(Func<DbConnection, T> work)
    {
        using var connection = Open();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return work(connection);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < MaxAttempts)
            {
                // Rolled back by the transaction's dispose; the next attempt reads the new maximum.
            }
        }
    }
}
