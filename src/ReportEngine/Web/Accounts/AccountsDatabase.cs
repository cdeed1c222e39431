using System.Data.Common;
using ReportEngine.Configuration;
using ReportEngine.Data;

namespace ReportEngine.Web.Accounts;

/// <summary>
/// Connections to the reports database for accounts, API keys and the audit log: a SQLite file or a
/// PostgreSQL server, whichever ConnectionStrings:Reports names (the schema is migration 0011 on both).
/// </summary>
public sealed class AccountsDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public static AccountsDatabase From(ReportEngineSettings settings) => new(settings.ConnectionString);

    public DbConnection Open() => PostgresDatabase.IsPostgres(ConnectionString)
        ? PostgresDatabase.Open(ConnectionString)
        : SqliteDatabase.Open(ConnectionString);
}
