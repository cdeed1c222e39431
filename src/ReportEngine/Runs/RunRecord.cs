namespace ReportEngine.Runs;

/// <summary>One row of the runs table: what was asked for, by whom, what happened and what it produced.</summary>
public sealed record RunRecord
{
    public long Id { get; init; }

    public required string Template { get; init; }

    /// <summary>The template's version: for a committee's run, the one checked when it was queued (a different one is refused); else as resolved.</summary>
    public string? TemplateVersion { get; init; }

    /// <summary>The committee's locality a burst's run is confined to (see Reports.AreaConfinement); null for other runs.</summary>
    public string? ConfinedTo { get; init; }

    public required string Language { get; init; }

    /// <summary>JSON object of parameter values: as requested while queued, as resolved once started.</summary>
    public required string Parameters { get; init; }

    public required string Trigger { get; init; }

    public required string RequestedBy { get; init; }

    public string? ScheduleId { get; init; }

    public string? ScheduledFor { get; init; }

    public long? RecoversRunId { get; init; }

    /// <summary>1 for a first run; each run that does an interrupted one again counts one more.</summary>
    public long Attempt { get; init; } = 1;

    public required string Status { get; init; }

    public required string QueuedAt { get; init; }

    public string? StartedAt { get; init; }

    public string? FinishedAt { get; init; }

    public string? ExecutedBy { get; init; }

    public string? Error { get; init; }

    public long? Pages { get; init; }

    public long? Bytes { get; init; }

    public string? DataAsOf { get; init; }

    /// <summary>Relative to the archive root, with '/' separators.</summary>
    public string? ArchivePath { get; init; }

    public string? Sha256 { get; init; }

    /// <summary>The archive name the PDF is being renamed to, recorded before the rename (see <see cref="ArchiveReconciliation"/>).</summary>
    public string? ArchivingTo { get; init; }

    public string? ArchivingSha256 { get; init; }

    /// <summary>The document number it printed ("123-BC/TU"); null when its template is not a document (see Numbers.DocumentRegister).</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>The day that number was issued (yyyy-MM-dd, Vietnam time), printed with it.</summary>
    public string? DocumentDate { get; init; }

    /// <summary>The run whose number and date a `runs rerun --same-number` prints again; such a run takes no number.</summary>
    public long? ReprintsRunId { get; init; }

    /// <summary>The incremental update signing appended to its PDF (gzip, base64; RunStore.SignatureBytes); null when the PDF is unsigned (see migration 0013).</summary>
    public string? SignatureUpdate { get; init; }

    public bool IsFinished => Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Interrupted;
}

/// <summary>The statuses a run passes through: queued → running → succeeded | failed | interrupted.</summary>
public static class RunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";
}

/// <summary>What started a run.</summary>
public static class RunTrigger
{
    public const string Schedule = "schedule";
    public const string CommandLine = "command-line";
    public const string Recovery = "recovery";

    /// <summary>Asked for on the console's run page; requested_by is the user name.</summary>
    public const string Console = "console";

    /// <summary>Asked for through the HTTP API; requested_by is "apikey:&lt;name&gt;".</summary>
    public const string Api = "api";

    /// <summary>The triggers of requests a serving worker picks up from the runs table (the worker's on-demand dispatcher).</summary>
    public static IReadOnlyList<string> OnDemand { get; } = [CommandLine, Console, Api];
}
