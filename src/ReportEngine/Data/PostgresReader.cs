using System.Data.Common;
using Npgsql;

namespace ReportEngine.Data;

/// <summary>TEMPORARY: today's behaviour behind the new signature, to see the tests fail first.</summary>
public static class PostgresReader
{
    public static DbConnection Open(string ownerConnectionString, string? readerConnectionString)
    {
        _ = readerConnectionString;
        NpgsqlConnection connection = PostgresDatabase.Open(ownerConnectionString);
        return PostgresDatabase.MakeReadOnly(connection);
    }
}
