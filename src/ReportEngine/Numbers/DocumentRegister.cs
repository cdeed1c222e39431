using System.Data.Common;
using System.Globalization;
using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Numbers;

/// <summary>
/// The register of document numbers, per issuing body and year. The next number is taken by one
/// statement (insert the maximum + 1) that the database makes atomic, never by a look and then a write;
/// the primary key (body, year, number) is the last word if two ever raced. A run takes at most one
/// number: taking again returns the one it has. Runs and the register live in the reports database;
/// The run store voids a run's number in the same transaction that records its failure.
/// </summary>
public abstract class DocumentRegister
{
    private const string Columns = """
        body AS Body, year AS Year, number AS Number, symbol AS Symbol, type AS Type, text AS Text, run_id AS RunId,
        status AS Status, issued_at AS IssuedAt, issued_on AS IssuedOn, voided_at AS VoidedAt, voided_reason AS VoidedReason
        """;

    // WHERE true: SQLite reads "ON" after a FROM as a join's unless the SELECT has a WHERE (its upsert rule).
    private const string TakeNext = $"""
        INSERT INTO document_numbers (body, year, number, symbol, type, text, run_id, status, issued_at, issued_on)
        SELECT @Body, @Year, next.n, @Symbol, @Type, CAST(next.n AS TEXT) || '-' || @Type || '/' || @Symbol, @RunId, 'issued', @IssuedAt, @IssuedOn
        FROM (SELECT COALESCE(MAX(number), 0) + 1 AS n FROM document_numbers WHERE body = @Body AND year = @Year) AS next
        WHERE true
        ON CONFLICT (run_id) DO NOTHING
        RETURNING {Columns}
        """;

    /// <summary>The register in the database a setting names: a SQLite file, or a PostgreSQL server.</summary>
    public static DocumentRegister For(string connectionString) =>
        PostgresDatabase.IsPostgres(connectionString) ? new PostgresDocumentRegister(connectionString) : new SqliteDocumentRegister(connectionString);

    /// <summary>The next number of the body in the year the request is made (Vietnam time), or the one the run already took.</summary>
    public DocumentNumber Take(NumberRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var issuedOn = request.IssuedOn;
        var values = new
        {
            Body = request.Body.Code,
            Year = (long)issuedOn.Year,
            request.Body.Symbol,
            request.Type,
            request.RunId,
            IssuedAt = Data.StoredTime.Format(request.IssuedAt),
            IssuedOn = issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return WithRetry(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var taken = connection.QuerySingleOrDefault<DocumentNumber>(TakeNext, values, transaction)
                ?? connection.QuerySingle<DocumentNumber>($"SELECT {Columns} FROM document_numbers WHERE run_id = @RunId", values, transaction);
            transaction.Commit();
            return taken;
        });
    }

    /// <summary>Marks the run's number void with the reason; false when it had none or it was void already.</summary>
    public bool Void(long runId, string reason, DateTimeOffset at)
    {
        using var connection = Open();
        return connection.Execute(
            "UPDATE document_numbers SET status = 'void', voided_at = @at, voided_reason = @reason WHERE run_id = @runId AND status = 'issued'",
            new { runId, reason, at = Data.StoredTime.Format(at) }) == 1;
    }

    public DocumentNumber? ForRun(long runId)
    {
        using var connection = Open();
        return connection.QuerySingleOrDefault<DocumentNumber>($"SELECT {Columns} FROM document_numbers WHERE run_id = @runId", new { runId });
    }

    /// <summary>In the register's order: body, year, number. A body is matched by its code or its symbol.</summary>
    public IReadOnlyList<DocumentNumber> List(string? body = null, long? year = null)
    {
        using var connection = Open();
        return connection.Query<DocumentNumber>(
            $"""
            SELECT {Columns} FROM document_numbers
            WHERE (@body IS NULL OR body = @body OR symbol = @body) AND (@year IS NULL OR year = @year)
            ORDER BY body, year, number
            """,
            new { body, year }).AsList();
    }

    protected abstract DbConnection Open();

    /// <summary>Runs the work in a transaction of its own, again when the database says another writer took the same number first.</summary>
    protected abstract T WithRetry<T>(Func<DbConnection, T> work);
}
