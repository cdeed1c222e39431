using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Delivery;

namespace ReportEngine.Scheduling;

/// <summary>
/// A burst on PostgreSQL: handed to the clustered scheduler as one <see cref="ClusterCommitteeJob"/> per committee,
/// so every worker renders some. Handing out again (a recovered firing, a queued burst taken over from a dead
/// worker) adds only the committees whose run has not finished and whose job is not stored already.
/// </summary>
internal sealed class ClusterBursts(ISchedulerFactory schedulers, ReportEngineSettings settings, ILogger<ClusterBursts> logger, TimeProvider clock)
{
    // Committees stored per scheduler transaction: large enough that a nation's 3,355 committees take a few dozen.
    private const int Batch = 200;

    /// <summary>Whether bursts go to the cluster's workers, one job per committee (PostgreSQL), or are rendered where they fire (SQLite).</summary>
    public bool Clustered { get; } = StateDatabase.IsPostgres(settings.ConnectionString);

    /// <returns>How many committee jobs were added.</returns>
    public async Task<int> HandOutAsync(long burstId, string template, string parameters, IReadOnlyList<Committee> committees, string trigger,
        string requestedBy, string? scheduledFor, CancellationToken cancellation)
    {
        var scheduler = await schedulers.GetScheduler(cancellation);
        var finished = new ClusterRunStore(settings.ConnectionString, clock).FinishedCommittees(burstId);
        var handedOut = clock.GetUtcNow();
        var jobs = committees.Where(c => !finished.Contains(c.Id)).Select((committee, index) =>
        {
            var key = ClusterCommitteeJob.KeyOf(burstId, committee.Id);
            var job = JobBuilder.Create<ClusterCommitteeJob>()
                .WithIdentity(key)
                .WithDescription($"burst {burstId.ToString(CultureInfo.InvariantCulture)}: {template} for committee {committee.Code}")
                .UsingJobData(ClusterCommitteeJob.BurstData, burstId.ToString(CultureInfo.InvariantCulture))
                .UsingJobData(ClusterCommitteeJob.BurstSizeData, committees.Count.ToString(CultureInfo.InvariantCulture))
                .UsingJobData(ClusterCommitteeJob.CommitteeData, committee.Code)
                .UsingJobData(ClusterCommitteeJob.CommitteeIdData, committee.Id.ToString(CultureInfo.InvariantCulture))
                .UsingJobData(ClusterCommitteeJob.LanguageData, committee.Language)
                .UsingJobData(ClusterCommitteeJob.LocalityData, committee.LocalityCode)
                .UsingJobData(ClusterCommitteeJob.TemplateData, template)
                .UsingJobData(ClusterCommitteeJob.ParametersData, parameters)
                .UsingJobData(ClusterCommitteeJob.TriggerData, trigger)
                .UsingJobData(ClusterCommitteeJob.RequestedByData, requestedBy);
            if (scheduledFor is not null)
            {
                job = job.UsingJobData(ClusterCommitteeJob.ScheduledForData, scheduledFor);
            }

            // Due a millisecond apart in committee order, and never misfired: taken oldest first however late, so the
            // committees go in order, and a dead worker's committee (recovered by Quartz at its original time) goes
            // before every committee still waiting.
            var start = TriggerBuilder.Create().WithIdentity(key.Name, key.Group).ForJob(key)
                .StartAt(handedOut.AddMilliseconds(index))
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires))
                .Build();
            return (Job: job.RequestRecovery().Build(), Trigger: start);
        }).ToList();

        var added = 0;
        foreach (var batch in jobs.Chunk(Batch))
        {
            try
            {
                await scheduler.ScheduleJobs(batch.ToDictionary(j => j.Job, j => (IReadOnlyCollection<ITrigger>)[j.Trigger]), default, cancellation);
                added += batch.Length;
            }
            catch (ObjectAlreadyExistsException)
            {
                // Some are stored already (handed out before, still waiting or running): the batch one by one, keeping those.
                foreach (var (job, start) in batch)
                {
                    try
                    {
                        await scheduler.ScheduleJob(job, start, default, cancellation);
                        added++;
                    }
                    catch (ObjectAlreadyExistsException)
                    {
                        // Its job is waiting or running on some worker.
                    }
                }
            }
        }

        // Handed out again when every committee had finished already: nobody else would notice the burst is complete.
        FinishIfComplete(settings.ConnectionString, clock, burstId, committees.Count, logger);
        return added;
    }

    /// <summary>
    /// When every committee of the burst has a finished run: stores the burst's delivery summary, and finishes a burst
    /// queued from the console or the API. Both are idempotent, so two committees finishing at once do no harm.
    /// </summary>
    public static void FinishIfComplete(string connectionString, TimeProvider clock, long burstId, long size, ILogger logger)
    {
        var store = new ClusterRunStore(connectionString, clock);
        if (store.FinishedCommittees(burstId).Count < size)
        {
            return;
        }

        var summary = new BurstStore(connectionString, clock).Summarize(burstId);
        new QueuedBurstStore(connectionString, clock).Finish(burstId);

        logger.LogInformation("burst {Burst}: all {Count} committees have their report; deliveries: {Summary}", burstId, size, summary);
    }
}
