using System.Diagnostics;
using Dapper;
using Npgsql;
using ReportEngine.Data.Migrations;

namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// The whole country after the 2025 reform, in PostgreSQL, for scale-out work: 34 provinces, 3,321
/// commune-level units, some 40,000 organisations with some fifteen million member rows (with
/// history over the assessment years 2024–2026), their activities, targets, eligible populations and
/// a committee per unit with its recipients (a burst over all of them makes 3,355 reports).
/// Deterministic from the seed; written with binary COPY in one transaction (a failure leaves the
/// database empty), the big tables' indexes built after the load.
/// </summary>
public static class NationDataset
{
    public const int DefaultSeed = 20260831;

    /// <summary>The tables whose indexes and keys are built after the load.</summary>
    private static readonly string[] BigTables = ["members", "member_counts", "activities"];

    /// <summary>The tables the generator fills: one of them holding rows makes the database "not empty".</summary>
    private static readonly string[] Tables =
        ["localities", "organizations", "members", "member_counts", "activities", "targets", "eligible_populations", "committees", "committee_recipients", "imports"];

    /// <param name="scale">1 for the full nation; less shrinks organisations and members (tests), never the units.</param>
    public static NationSummary Create(string connectionString, int seed = DefaultSeed, double scale = 1, TimeProvider? clock = null)
    {
        if (!PostgresDatabase.IsPostgres(connectionString))
        {
            throw new ReportEngineException(
                "demo --scale nation writes to PostgreSQL only: give --db a PostgreSQL connection string " +
                "(Host=...;Database=...;Username=...), not a SQLite file.");
        }

        if (scale is <= 0 or > 1)
        {
            throw new ReportEngineException("The scale factor must be above 0 and at most 1.");
        }

        var started = Stopwatch.GetTimestamp();
        using var connection = PostgresDatabase.Open(connectionString);
        MigrationRunner.Apply(connection, clock);
        RefuseNonEmpty(connection, connectionString);

        var random = new Random(seed);
        var localities = NationLocalities.Build(random);
        var organizations = new NationOrganizationPlanner(random, scale).Plan(localities);

        var written = new List<(string, long)>();
        using (var transaction = connection.BeginTransaction())
        {
            // Index builds sort in memory rather than on disk where they can.
            connection.Execute("SET LOCAL maintenance_work_mem = '256MB'", transaction: transaction);
            var deferred = DeferredIndexes.Drop(connection, transaction, BigTables);
            written.Add(("localities", NationStructureWriter.WriteLocalities(connection, localities)));
            written.Add(("organizations", NationStructureWriter.WriteOrganizations(connection, organizations)));
            var (members, counts) = NationMemberWriter.Write(connection, organizations, seed);
            written.Add(("members", members));
            written.Add(("member_counts", counts));
            written.Add(("activities", NationActivityWriter.Write(connection, organizations, localities, seed)));
            written.Add(("targets", NationTargetWriter.WriteTargets(connection, localities)));
            written.Add(("eligible_populations", NationTargetWriter.WriteEligiblePopulations(connection, localities, seed)));
            var (committees, recipients) = NationCommitteeWriter.Write(connection, localities, seed);
            written.Add(("committees", committees));
            written.Add(("committee_recipients", recipients));
            written.Add(("imports", RecordAsImport(connection, transaction)));
            deferred.Restore(connection, transaction);
            NumberAfterLoadedRows(connection, transaction);
            transaction.Commit();
        }

        // Fresh statistics, so the first reports are planned for millions of rows, not for empty tables; and the
        // visibility map set, so they count members from the index alone (measured: a commune's summary query took
        // 1.5 s before autovacuum came by, 0.1 s after). Frozen, so copies made from it (CREATE DATABASE ... TEMPLATE)
        // never need the pass either.
        connection.Execute("VACUUM (FREEZE, ANALYZE) " + string.Join(", ", Tables), commandTimeout: 0);
        return new NationSummary(written, Stopwatch.GetElapsedTime(started));
    }

    private static void RefuseNonEmpty(NpgsqlConnection connection, string connectionString)
    {
        var rows = connection.ExecuteScalar<long>("SELECT " + string.Join(" + ", Tables.Select(t => $"(SELECT COUNT(*) FROM (SELECT 1 FROM {t} LIMIT 1) x)")));
        if (rows > 0)
        {
            throw new ReportEngineException(
                $"The database {DatabaseLocation.Describe(connectionString)} already holds organisations data; " +
                "demo --scale nation fills only an empty database. Create a new one (createdb) and name it in --db.");
        }
    }

    /// <summary>The data ends on 31 August 2026 (the last assessment year): reports dated later must know.</summary>
    private static long RecordAsImport(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.Execute(
            """
            INSERT INTO imports (imported_at, imported_by, source, files, data_as_of, summary)
            VALUES ('2026-08-31T00:00:00Z', 'demo --scale nation', 'demo', '[]', '2026-08-31', '{}')
            """, transaction: transaction);

    /// <summary>The loaded rows carry their ids: rows added later must be numbered after them.</summary>
    private static void NumberAfterLoadedRows(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        foreach (var table in new[] { "localities", "organizations", "members", "activities", "targets", "committees" })
        {
            connection.Execute(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT MAX(id) FROM {table}), 1))", transaction: transaction);
        }
    }
}
