namespace ReportEngine.Requests;

/// <summary>
/// What a person asks for, as the command line, the console's run form and POST /api/v1/runs all take it:
/// a template, parameter values as text, and either a language (one report) or committees (a burst:
/// a level such as "district", or committee codes separated by commas).
/// </summary>
/// <param name="Language">null: "vi" for one report; a burst takes each committee's own language.</param>
public sealed record RunRequest(string Template, IReadOnlyDictionary<string, string> Parameters, string? Language = null, string? Committees = null)
{
    public const string DefaultLanguage = "vi";

    /// <summary>The languages a report can be asked in, as `run --lang` accepts them.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["vi", "en", "pl"];

    public bool IsBurst => Committees is not null;
}

/// <summary>What queueing a request made: a run, or a burst whose committee runs the worker adds as it renders them.</summary>
/// <param name="Repeated">True when an earlier request with the same idempotency key made it (nothing new was queued).</param>
public sealed record QueuedRequest(long? RunId, long? BurstId, bool Repeated);

/// <summary>The idempotency key was used before by the same requester for a different request.</summary>
public sealed class IdempotencyConflictException(string message) : ReportEngineException(message);
