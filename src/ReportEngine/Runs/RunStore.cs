using System.Data.Common;
using System.Globalization;
using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Runs;

/// <summary>
/// The runs table. Every change is one statement on its own connection, so a process killed at
/// any moment leaves each run in a state it really reached; status changes are guarded by the
/// status they leave, so two callers cannot both start (or both finish) one run.
/// </summary>
public sealed class RunStore(string connectionString, TimeProvider clock)
{
    /// <summary>The runs table's columns as <see cref="RunRecord"/> names them (RunQueries selects the same).</summary>
    internal const string Columns = """
        id AS Id, template AS Template, template_version AS TemplateVersion, language AS Language,
        parameters AS Parameters, trigger AS Trigger, requested_by AS RequestedBy, schedule_id AS ScheduleId,
        scheduled_for AS ScheduledFor, recovers_run_id AS RecoversRunId, status AS Status, queued_at AS QueuedAt,
        started_at AS StartedAt, finished_at AS FinishedAt, executed_by AS ExecutedBy, error AS Error,
        pages AS Pages, bytes AS Bytes, data_as_of AS DataAsOf, archive_path AS ArchivePath, sha256 AS Sha256,
        attempt AS Attempt, archiving_to AS ArchivingTo, archiving_sha256 AS ArchivingSha256, confined_to AS ConfinedTo,
        document_number AS DocumentNumber, document_date AS DocumentDate, reprints_run_id AS ReprintsRunId,
        signature_update AS SignatureUpdate
        """;

    // A run that ends without its document leaves its number void in the register, in the same transaction
    // (the paper register's "void"): whichever path ends it (its executor, crash recovery, a give-up).
    private const string VoidNumber = """
        UPDATE document_numbers SET status = 'void', voided_at = @now, voided_reason = @reason WHERE run_id = @id AND status = 'issued'
        """;

    public string ConnectionString { get; } = connectionString;

    /// <summary>The clock records are stamped with; also the one document numbers are issued by.</summary>
    public TimeProvider Clock => clock;

    /// <summary>The database the runs table is in, as messages name it: the SQLite file, or the PostgreSQL server and database (never the password).</summary>
    public string Location { get; } = DatabaseLocation.Describe(connectionString);

    public static string Timestamp(DateTimeOffset time) => StoredTime.Format(time);

    public long Queue(RunRecord run)
    {
        using var connection = Open();
        return Queue(run, connection, null);
    }

    /// <summary>Queues a run inside the caller's transaction (recorded together with its idempotency key).</summary>
    public static long Queue(RunRecord run, System.Data.IDbConnection connection, System.Data.IDbTransaction? transaction) =>
        connection.ExecuteScalar<long>(
            """
            INSERT INTO runs (template, template_version, confined_to, language, parameters, trigger, requested_by, schedule_id,
                              scheduled_for, recovers_run_id, attempt, status, queued_at, document_number, document_date, reprints_run_id)
            VALUES (@Template, @TemplateVersion, @ConfinedTo, @Language, @Parameters, @Trigger, @RequestedBy, @ScheduleId,
                    @ScheduledFor, @RecoversRunId, @Attempt, 'queued', @QueuedAt, @DocumentNumber, @DocumentDate, @ReprintsRunId)
            RETURNING id
            """,
            run,
            transaction);

    /// <summary>Moves a queued run to running; false when it was not queued (another firing took it).</summary>
    public bool TryStart(long id, string executedBy) =>
        Execute(
            "UPDATE runs SET status = 'running', started_at = @now, executed_by = @executedBy WHERE id = @id AND status = 'queued'",
            new { id, executedBy, now = Now() }) == 1;

    public void RecordResolved(long id, string parameters, string templateVersion, string? dataAsOf) =>
        Execute(
            "UPDATE runs SET parameters = @parameters, template_version = @templateVersion, data_as_of = @dataAsOf WHERE id = @id",
            new { id, parameters, templateVersion, dataAsOf });

    /// <summary>The number the run took from the register (or reprints), before it renders it.</summary>
    public void RecordDocumentNumber(long id, string number, string date) =>
        Execute(
            "UPDATE runs SET document_number = @number, document_date = @date WHERE id = @id AND status = 'running'",
            new { id, number, date });

    /// <summary>
    /// The signature's incremental update appended to the run's PDF, for a later --same-number reprint: gzip, then base64
    /// (the /Contents placeholder is mostly zeros, so some 70 KB of text become a few KB).
    /// </summary>
    public void RecordSignature(long id, byte[] update)
    {
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            gzip.Write(update);
        }

        Execute("UPDATE runs SET signature_update = @update WHERE id = @id AND status = 'running'",
            new { id, update = Convert.ToBase64String(packed.ToArray()) });
    }

    /// <summary>The update <see cref="RecordSignature"/> stored, byte for byte.</summary>
    public static byte[] SignatureBytes(string stored)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(Convert.FromBase64String(stored)), System.IO.Compression.CompressionMode.Decompress);
        using var update = new MemoryStream();
        gzip.CopyTo(update);
        return update.ToArray();
    }

    /// <summary>
    /// Records the name a rendered PDF is about to be renamed to, with its hash, size and pages: a process
    /// killed after the rename leaves a run the next start can complete (<see cref="ArchiveReconciliation"/>).
    /// </summary>
    public void RecordArchiving(long id, string archivePath, string sha256, long pages, long bytes) =>
        Execute(
            """
            UPDATE runs SET archiving_to = @archivePath, archiving_sha256 = @sha256, archiving_pages = @pages, archiving_bytes = @bytes
            WHERE id = @id AND status = 'running'
            """,
            new { id, archivePath, sha256, pages, bytes });

    /// <summary>
    /// A run whose PDF reached its archive name before its process died: succeeded, as recorded before
    /// the rename. False when the run has moved on (finished otherwise, or archiving elsewhere).
    /// </summary>
    /// The number it printed stands again if it was voided when the run was marked interrupted.
    public bool CompleteArchived(long id, string archivePath) =>
        ExecuteAndThen(
            """
            UPDATE runs SET status = 'succeeded', finished_at = @now, error = NULL, archive_path = archiving_to, sha256 = archiving_sha256,
                            pages = archiving_pages, bytes = archiving_bytes
            WHERE id = @id AND status IN ('running', 'interrupted') AND archiving_to = @archivePath
            """,
            "UPDATE document_numbers SET status = 'issued', voided_at = NULL, voided_reason = NULL WHERE run_id = @id AND status = 'void'",
            new { id, archivePath, now = Now() });

    /// <summary>Runs that recorded an archive name but not their success: killed around the rename.</summary>
    public IReadOnlyList<RunRecord> ArchivingUnfinished()
    {
        using var connection = Open();
        return connection.Query<RunRecord>(
            $"SELECT {Columns} FROM runs WHERE archiving_to IS NOT NULL AND archive_path IS NULL AND status IN ('running', 'interrupted') ORDER BY id").AsList();
    }

    /// <summary>Fails a run that will not be done again (interrupted too often); false when it had succeeded or failed already.</summary>
    public bool GiveUp(long id, string error) =>
        ExecuteAndThen(
            "UPDATE runs SET status = 'failed', finished_at = COALESCE(finished_at, @now), error = @reason WHERE id = @id AND status IN ('queued', 'running', 'interrupted')",
            VoidNumber,
            new { id, reason = error, now = Now() });

    /// <summary>A succeeded run whose archived file is gone: failed, keeping the name so `archive verify` still reports it.</summary>
    public bool FailMissingFile(long id, string error) =>
        Execute("UPDATE runs SET status = 'failed', error = @error WHERE id = @id AND status = 'succeeded'", new { id, error }) == 1;

    public void Succeed(long id, long pages, long bytes, string archivePath, string sha256) =>
        Execute(
            """
            UPDATE runs SET status = 'succeeded', finished_at = @now, pages = @pages, bytes = @bytes,
                            archive_path = @archivePath, sha256 = @sha256
            WHERE id = @id AND status = 'running'
            """,
            new { id, pages, bytes, archivePath, sha256, now = Now() });

    public void Fail(long id, string error) =>
        ExecuteAndThen(
            "UPDATE runs SET status = 'failed', finished_at = @now, error = @reason WHERE id = @id AND status IN ('queued', 'running')",
            VoidNumber,
            new { id, reason = error, now = Now() });

    /// <summary>Marks a run that will not finish as interrupted; false when it had already finished.</summary>
    public bool Interrupt(long id, string reason) =>
        ExecuteAndThen(
            "UPDATE runs SET status = 'interrupted', finished_at = @now, error = @reason WHERE id = @id AND status IN ('queued', 'running')",
            VoidNumber,
            new { id, reason, now = Now() });

    public RunRecord? Find(long id)
    {
        using var connection = Open();
        return connection.QuerySingleOrDefault<RunRecord>($"SELECT {Columns} FROM runs WHERE id = @id", new { id });
    }

    /// <summary>The latest runs first.</summary>
    public IReadOnlyList<RunRecord> List(int limit, string? template = null, string? status = null)
    {
        using var connection = Open();
        return connection.Query<RunRecord>(
            $"""
            SELECT {Columns} FROM runs
            WHERE (@template IS NULL OR template = @template) AND (@status IS NULL OR status = @status)
            ORDER BY id DESC LIMIT @limit
            """,
            new { limit, template, status }).AsList();
    }

    /// <summary>
    /// Queued runs asked for on demand (command line, console, API) that the worker's dispatcher hands to its
    /// job; the committee runs of a queued burst are left to the burst, which renders them itself.
    /// </summary>
    public IReadOnlyList<RunRecord> QueuedOnDemand()
    {
        using var connection = Open();
        return connection.Query<RunRecord>(
            $"""
            SELECT {Columns} FROM runs r
            WHERE status = 'queued' AND trigger IN ({OnDemandTriggers})
              AND NOT EXISTS (SELECT 1 FROM burst_runs br JOIN bursts b ON b.id = br.burst_id WHERE br.run_id = r.id AND b.status IS NOT NULL)
            ORDER BY id
            """).AsList();
    }

    public IReadOnlyList<RunRecord> WithStatus(string status)
    {
        using var connection = Open();
        return connection.Query<RunRecord>($"SELECT {Columns} FROM runs WHERE status = @status ORDER BY id", new { status }).AsList();
    }

    /// <summary>The latest run of a schedule's firing: a recovered firing looks for the run it had started.</summary>
    public RunRecord? LatestFor(string scheduleId, string scheduledFor)
    {
        using var connection = Open();
        return connection.QueryFirstOrDefault<RunRecord>(
            $"SELECT {Columns} FROM runs WHERE schedule_id = @scheduleId AND scheduled_for = @scheduledFor ORDER BY id DESC",
            new { scheduleId, scheduledFor });
    }

    /// <summary>A schedule's latest run that is unfinished, or interrupted and not yet done again.</summary>
    public RunRecord? Unredone(string scheduleId)
    {
        using var connection = Open();
        return connection.QueryFirstOrDefault<RunRecord>(
            $"""
            SELECT {Columns} FROM runs r
            WHERE schedule_id = @scheduleId
              AND (status IN ('queued', 'running')
                   OR (status = 'interrupted' AND NOT EXISTS (SELECT 1 FROM runs a WHERE a.recovers_run_id = r.id)))
            ORDER BY id DESC
            """,
            new { scheduleId });
    }

    /// <summary>The run that did an interrupted run again, if any.</summary>
    public RunRecord? RecoveredBy(long id)
    {
        using var connection = Open();
        return connection.QueryFirstOrDefault<RunRecord>(
            $"SELECT {Columns} FROM runs WHERE recovers_run_id = @id ORDER BY id DESC", new { id });
    }

    public IReadOnlyList<RunRecord> Archived()
    {
        using var connection = Open();
        return connection.Query<RunRecord>($"SELECT {Columns} FROM runs WHERE archive_path IS NOT NULL ORDER BY id").AsList();
    }

    public void Heartbeat(string worker, DateTimeOffset startedAt) =>
        Execute(
            """
            INSERT INTO workers (name, started_at, heartbeat_at) VALUES (@worker, @startedAt, @now)
            ON CONFLICT (name) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """,
            new { worker, startedAt = Timestamp(startedAt), now = Now() });

    public void SignOff(string worker) => Execute("DELETE FROM workers WHERE name = @worker", new { worker });

    /// <summary>Workers other than this process whose last heartbeat is newer than the given age, and whose process runs.</summary>
    public IReadOnlyList<string> LiveWorkers(TimeSpan maximumAge)
    {
        using var connection = Open();
        return connection.Query<string>(
                "SELECT name FROM workers WHERE heartbeat_at >= @since ORDER BY heartbeat_at DESC",
                new { since = Timestamp(clock.GetUtcNow() - maximumAge) })
            .Where(name => name != ProcessName.Current && ProcessName.IsAlive(name))
            .ToList();
    }

    /// <summary>
    /// The on-demand triggers as SQL literals (fixed names of ours): Dapper expands "IN @list" on SQLite but hands
    /// PostgreSQL an array, which IN does not take.
    /// </summary>
    private static readonly string OnDemandTriggers = string.Join(", ", RunTrigger.OnDemand.Select(t => $"'{t}'"));

    private string Now() => Timestamp(clock.GetUtcNow());

    private int Execute(string sql, object parameters)
    {
        using var connection = Open();
        return connection.Execute(sql, parameters);
    }

    /// <summary>The status change, and when it happened, the follow-up: both or neither.</summary>
    private bool ExecuteAndThen(string sql, string followUp, object parameters)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var changed = connection.Execute(sql, parameters, transaction) == 1;
        if (changed)
        {
            connection.Execute(followUp, parameters, transaction);
        }

        transaction.Commit();
        return changed;
    }

    private DbConnection Open() => StateDatabase.Open(ConnectionString);
}
