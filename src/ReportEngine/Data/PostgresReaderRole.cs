using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace ReportEngine.Data;

/// <summary>
/// `db reader-role`: makes (or brings up to date) the LOGIN role reports read through on PostgreSQL,
/// with CONNECT, USAGE on the schema, SELECT on its tables and, through default privileges, on the
/// tables later migrations add, except the console's credentials. Run with the owner's connection. All in one transaction, checked
/// before the commit: a role that could still write is refused and nothing is changed.
/// </summary>
public static partial class PostgresReaderRole
{
    /// <summary>The console's credentials (password hashes, API key hashes): withheld from the reader.</summary>
    public static readonly string[] CredentialTables = ["console_users", "console_api_keys"];

    /// <returns>What was done, and the connection string to set (without the password).</returns>
    public static IReadOnlyList<string> Make(string ownerConnectionString, string role, string? password)
    {
        if (!RoleName().IsMatch(role))
        {
            throw new ReportEngineException($"--name \"{role}\" is not a role name this command makes: use lower-case letters, digits and _ (at most 63), starting with a letter or _.");
        }

        using var owner = PostgresDatabase.Open(ownerConnectionString);
        using var transaction = owner.BeginTransaction();
        try
        {
            var me = owner.ExecuteScalar<string>("SELECT current_user", transaction: transaction);
            if (role == me)
            {
                throw new ReportEngineException($"--name \"{role}\" is the role this connection logs in as, which owns the tables: choose a name of its own.");
            }

            var existed = owner.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @role)", new { role }, transaction);
            // Quoted by the server; the verifier holds only base64 and "SCRAM-SHA-256$4096:".
            var quoted = owner.ExecuteScalar<string>("SELECT quote_ident(@role)", new { role }, transaction)!;
            var setPassword = password is null ? "" : $" PASSWORD '{ScramVerifier.For(password)}'";
            owner.Execute(existed
                ? $"ALTER ROLE {quoted} LOGIN{setPassword}"
                : $"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS{setPassword}",
                transaction: transaction);

            var (database, schema) = owner.QuerySingle<(string, string)>("SELECT quote_ident(current_database()), quote_ident(current_schema())", transaction: transaction);
            owner.Execute($"GRANT CONNECT ON DATABASE {database} TO {quoted}", transaction: transaction);
            owner.Execute($"GRANT USAGE ON SCHEMA {schema} TO {quoted}", transaction: transaction);
            owner.Execute($"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {quoted}", transaction: transaction);
            // Tables this owner creates later (the next migration) are readable without running this again.
            owner.Execute($"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {quoted}", transaction: transaction);
            // Password and API key hashes are no report's business: a template's SQL cannot read the console's credentials.
            var withheld = owner.Query<string>("SELECT t FROM unnest(@CredentialTables) AS t WHERE to_regclass(t) IS NOT NULL",
                new { CredentialTables }, transaction).AsList();
            foreach (var table in withheld)
            {
                owner.Execute($"REVOKE ALL ON {table} FROM {quoted}", transaction: transaction);
            }

            var problems = PostgresWriteAccess.Of(owner, role, transaction);
            if (problems.Count > 0)
            {
                throw new ReportEngineException(
                    $"The role \"{role}\" can change the data ({PostgresWriteAccess.Describe(problems)}), so reports must not read through it; " +
                    "nothing was changed. Revoke that, or choose another --name.");
            }

            var tables = owner.ExecuteScalar<long>(
                "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND has_table_privilege(@role, format('%I.%I', schemaname, tablename), 'SELECT')",
                new { role }, transaction);
            transaction.Commit();

            var reader = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = role, Password = null, Passfile = null };
            return
            [
                string.Create(CultureInfo.InvariantCulture,
                    $"reader role {role}: {(existed ? "updated" : "created")}{(password is not null ? ", password set from the file" : existed ? ", password unchanged" : ", no password (peer or certificate login)")}; may SELECT {tables} tables of {owner.Database}.{schema}, and the tables {me} creates there later, and nothing else{(withheld.Count > 0 ? $" (not {string.Join(" or ", withheld)}: credentials)" : "")}"),
                $"set {PostgresReader.SettingKey} (e.g. the environment variable ConnectionStrings__ReportsReader) to: {reader.ConnectionString}{(password is null ? "" : ";Password=<the password in the file>")}",
            ];
        }
        catch (PostgresException e)
        {
            throw new ReportEngineException($"Cannot make the reader role \"{role}\" in {DatabaseLocation.Describe(ownerConnectionString)}: {e.MessageText} " +
                "(run it with the connection that owns the tables, allowed to create roles); nothing was changed.", e);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
