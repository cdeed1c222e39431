using ReportEngine.Reports;

namespace ReportEngine.Tests.Postgres;

/// <summary>
/// Npgsql runs every statement of a command's text, split at semicolons: a confined query must be one SELECT,
/// and a semicolon counts unless it is surely inside a comment, a string or a quoted name.
/// </summary>
public sealed class OneSelectStatementTests
{
    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("SELECT 1;\n  ")]
    [InlineData("-- a comment; with a semicolon\nSELECT 1")]
    [InlineData("/* a comment; with a semicolon */ WITH a AS (SELECT 1 AS x) SELECT x FROM a")]
    [InlineData("SELECT 'a;b' AS text, \"odd;name\" FROM (SELECT 1 AS \"odd;name\") t")]
    [InlineData("SELECT 'it''s; fine'")]
    [InlineData("(SELECT 1) UNION (SELECT 2)")]
    [InlineData("VALUES (1), (2)")]
    [InlineData("SELECT 1 WHERE 2 = $1")]
    public void One_select_passes(string sql) => Assert.Null(PostgresAreaConfinement.NotOneSelect(sql));

    [Theory]
    [InlineData("SELECT 1; SELECT 2", "more than one statement")]
    [InlineData("SELECT 1; SET search_path = public", "more than one statement")]
    [InlineData("SELECT 1 -- comment\r; DELETE FROM members", "more than one statement")]
    [InlineData("SELECT E'\\''; DELETE FROM members; SELECT ''", "might be read as more than one")]
    [InlineData("SELECT $$ ' $$; DELETE FROM members; SELECT ' '", "might be read as more than one")]
    [InlineData("SELECT 1 /* /* */ ; DELETE FROM members /* */ */", "might be read as more than one")]
    [InlineData("SET search_path = public, pg_temp", "is not a SELECT")]
    [InlineData("RESET ROLE", "is not a SELECT")]
    [InlineData("DELETE FROM members", "is not a SELECT")]
    [InlineData("  -- nothing\n", "is empty")]
    public void Anything_else_is_refused(string sql, string reason) =>
        Assert.Contains(reason, PostgresAreaConfinement.NotOneSelect(sql), StringComparison.Ordinal);
}
