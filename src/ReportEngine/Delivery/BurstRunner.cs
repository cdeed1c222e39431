using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Reports;
using ReportEngine.Runs;

namespace ReportEngine.Delivery;

/// <summary>
/// Renders one report per committee (a burst): each committee's run takes its locality from the
/// committee record, never from the request, and its language from the committee; every run is
/// recorded, archived and hashed like any other. Once a run has succeeded its deliveries are queued
/// in the outbox (one per e-mail address, one for the drop folder) before anything is sent.
/// </summary>
public sealed class BurstRunner(ReportEngineSettings settings, RunStore runs, TimeProvider clock, string from)
{
    /// <summary>The parameter a burst sets from each committee; the run's queries read only that locality's area.</summary>
    public const string LocalityParameter = "locality";

    public CommitteeStore Committees { get; } = new(settings.ConnectionString);

    public Outbox Outbox { get; } = new(settings.ConnectionString, clock);

    public BurstStore Bursts { get; } = new(settings.ConnectionString, clock);

    /// <summary>
    /// Checks the whole request first (template, parameters, every committee's report), so a mistake
    /// records nothing; then renders the committees, up to <paramref name="maxParallel"/> at once, each
    /// run on its own connections. The result lists the committees in their order, whatever order they finished in.
    /// </summary>
    /// <param name="rendered">Told (committees finished, committees in all) as each committee's run ends: the CLI's progress line.</param>
    public async Task<BurstResult> RunAsync(string template, IReadOnlyDictionary<string, string> parameters, string selector, string requestedBy,
        int maxParallel, Func<long, CancellationToken, Task<RunRecord>> execute, CancellationToken cancellation, Action<int, int>? rendered = null)
    {
        var requests = Prepare(template, parameters, selector);
        var finished = 0;
        var burstId = Bursts.Create(template, RunParameters.Format(parameters), selector, requestedBy);
        var results = await BurstLanes.RunAsync<CommitteeReport, CommitteeRun>(requests, maxParallel, report =>
        {
            var (committee, _, prepared) = report;
            var runId = runs.Queue(QueuedRun(report, RunTrigger.CommandLine, requestedBy));
            Bursts.AddRun(burstId, committee.Id, runId);
            return async () =>
            {
                var run = await execute(runId, cancellation);
                rendered?.Invoke(Interlocked.Increment(ref finished), requests.Count);
                QueueDeliveries(committee, run, prepared);
                return new CommitteeRun(committee, run);
            };
        }, cancellation);

        return new BurstResult(burstId, results);
    }

    /// <summary>
    /// Each committee's request, checked against its template and the database: the committee's
    /// locality set (a locality given by the caller is refused), in the committee's language, and every
    /// query compiled inside the committee's area (see <see cref="AreaConfinement"/>): a query that reads
    /// anything else is refused here, and the run it would have become is confined to the area and pinned
    /// to the template version checked here.
    /// </summary>
    public IReadOnlyList<CommitteeReport> Prepare(string template, IReadOnlyDictionary<string, string> parameters, string selector)
    {
        if (parameters.ContainsKey(LocalityParameter))
        {
            throw new ReportEngineException(
                $"--set {LocalityParameter}=... cannot be combined with --committees: each committee's report covers the committee's own locality.");
        }

        var committees = Committees.Select(selector);
        var runner = new ReportRunner(settings.TemplatesPath, clock, ReportRunner.DefaultQueryTimeLimit);
        var requests = new List<CommitteeReport>();
        using var connection = ReportsDatabase.OpenForReports(settings.ConnectionString, settings.ReaderConnectionString);
        foreach (var committee in committees)
        {
            var own = new Dictionary<string, string>(parameters, StringComparer.Ordinal) { [LocalityParameter] = committee.LocalityCode };
            var request = new ReportRequest(template, own, committee.Language);
            var prepared = runner.Prepare(request, connection) with { ConfinedTo = committee.LocalityCode };
            if (!prepared.Template.Definition.Parameters.TryGetValue(LocalityParameter, out var definition) || definition.Type != "locality")
            {
                throw new ReportEngineException(
                    $"Template \"{template}\" has no parameter \"{LocalityParameter}\" of type locality, so it cannot be rendered per committee.");
            }

            runner.CheckConfinement(prepared, connection);
            requests.Add(new CommitteeReport(committee, request, prepared));
        }

        return requests;
    }

    /// <summary>
    /// The run record of one committee's report, as every kind of burst (command line, schedule, console) queues it:
    /// confined to the committee's area, pinned to the template version checked in <see cref="Prepare"/>, in the
    /// committee's language. A run that takes over from <paramref name="earlier"/> (left unfinished by a dead
    /// process) is a recovery pointing back at it, one attempt further.
    /// </summary>
    public RunRecord QueuedRun(CommitteeReport report, string trigger, string requestedBy, RunRecord? earlier = null, string? scheduledFor = null)
    {
        var (committee, request, prepared) = report;
        return new RunRecord
        {
            Template = prepared.Template.Name,
            TemplateVersion = prepared.Template.Version,
            ConfinedTo = prepared.ConfinedTo,
            Language = committee.Language,
            Parameters = RunParameters.Format(request.Parameters),
            Trigger = earlier is null ? trigger : RunTrigger.Recovery,
            RequestedBy = requestedBy,
            ScheduledFor = scheduledFor,
            RecoversRunId = earlier?.Id,
            Attempt = earlier is null ? 1 : earlier.Attempt + 1,
            Status = RunStatus.Queued,
            QueuedAt = RunStore.Timestamp(clock.GetUtcNow()),
        };
    }

    /// <summary>Records the deliveries of a committee's run, once it has succeeded; recording them again changes nothing.</summary>
    public void QueueDeliveries(Committee committee, RunRecord run, PreparedReport prepared)
    {
        if (run.Status == RunStatus.Succeeded)
        {
            Outbox.Queue(DeliveriesOf(committee, run, prepared));
        }
    }

    private IEnumerable<DeliveryRecord> DeliveriesOf(Committee committee, RunRecord run, PreparedReport prepared)
    {
        var resolved = RunParameters.Parse(run.Parameters);
        var (subject, body) = DeliveryContent.Render(prepared.Template, committee.Language, resolved, committee);
        var fileName = ReportRunner.FileName(prepared.Template.Name, prepared.Parameters, committee.Language);
        DeliveryRecord Delivery(string channel, string address, string role) => new()
        {
            RunId = run.Id,
            CommitteeId = committee.Id,
            CommitteeCode = committee.Code,
            Channel = channel,
            Address = address,
            Role = role,
            MessageId = EmailMessage.MessageIdFor(run.Id, committee.Code, channel, address, from),
            Subject = subject,
            Body = body,
            FileName = fileName,
        };

        foreach (var recipient in committee.Recipients)
        {
            yield return Delivery(DeliveryChannel.Email, recipient.Address, recipient.Role);
        }

        if (committee.DropFolder is { } folder)
        {
            yield return Delivery(DeliveryChannel.File, folder, RecipientRole.To);
        }
    }
}

public sealed record CommitteeRun(Committee Committee, RunRecord Run);

public sealed record CommitteeReport(Committee Committee, ReportRequest Request, PreparedReport Prepared);

public sealed record BurstResult(long BurstId, IReadOnlyList<CommitteeRun> Runs);
