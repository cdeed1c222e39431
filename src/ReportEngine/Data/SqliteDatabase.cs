using Microsoft.Data.Sqlite;

namespace ReportEngine.Data;

/// <summary>Opens SQLite databases the way every part of ReportEngine expects them; an error opening one names the file and the cause.</summary>
public static class SqliteDatabase
{
    /// <summary>
    /// Opens a database given a bare file path ("data/reports.db") or a full connection string
    /// ("Data Source=data/reports.db;..."). Read-write connections create the file's folder and use
    /// WAL with synchronous=NORMAL (safe against crashes, fast enough for bulk inserts) and
    /// enforce foreign keys, which SQLite leaves off by default. Every connection waits up to 30 s for a
    /// lock held by another (a burst's runs write their records at the same time) instead of failing with SQLITE_BUSY.
    /// </summary>
    public static SqliteConnection Open(string pathOrConnectionString, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrConnectionString);
        var builder = ToBuilder(pathOrConnectionString);
        var isFile = IsFile(builder.DataSource);
        if (readOnly)
        {
            builder.Mode = SqliteOpenMode.ReadOnly;
            if (isFile && !File.Exists(builder.DataSource))
            {
                throw new ReportEngineException($"There is no database at {Path.GetFullPath(builder.DataSource)}.");
            }
        }
        else if (isFile)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // The wait for another's lock is the connection string's Default Timeout (30 s unless it says otherwise).
            var wait = (int)Math.Min(int.MaxValue, builder.DefaultTimeout * 1000L);
            command.CommandText = readOnly
                ? $"PRAGMA busy_timeout = {wait};"
                : $"PRAGMA busy_timeout = {wait}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
            command.ExecuteNonQuery();

            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw SqliteFailure.Describe(isFile ? Path.GetFullPath(builder.DataSource) : builder.DataSource, e, TimeSpan.FromSeconds(builder.DefaultTimeout));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteConnectionStringBuilder ToBuilder(string pathOrConnectionString)
    {
        // A path never contains '=' in practice, while every connection string names its data source.
        if (pathOrConnectionString.Contains('=', StringComparison.Ordinal))
        {
            return new SqliteConnectionStringBuilder(pathOrConnectionString);
        }

        return new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString };
    }

    private static bool IsFile(string dataSource) =>
        !string.IsNullOrEmpty(dataSource)
        && !dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase)
        && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
