using System.CommandLine;
using System.Globalization;
using ReportEngine.Data;
using ReportEngine.Delivery;

namespace ReportEngine.Cli;

/// <summary>
/// deliveries send | list [--run ID] [--status S] | retry ID|--failed|--run ID: the outbox, for admins and scripts.
/// </summary>
public static class DeliveriesCommand
{
    public static Command Create(CliContext context)
    {
        var send = new Command("send", "Try every pending delivery that is due now, once, then exit (the worker does this continuously).");
        send.SetAction(async (parse, cancellation) =>
        {
            var sender = Sender(context, parse);
            var pass = await sender.SendDueAsync(null, cancellation);
            await context.Output.WriteLineAsync($"deliveries: {pass}");
            return await Conclude(context, sender, pass, cancellation) && pass.Failed == 0 ? 0 : CommandLineApplication.UserError;
        });

        var run = new Option<long?>("--run") { Description = "Only the deliveries of this run." };
        var status = new Option<string?>("--status") { Description = "Only deliveries with this status: pending, sent, failed or dead." };
        status.AcceptOnlyFromAmong([.. DeliveryStatus.All]);
        var list = new Command("list", "List deliveries: id, status, run, committee, channel, address, attempts, when, last error.") { run, status };
        list.SetAction(parse =>
        {
            var outbox = new Outbox(context.Settings(parse).ConnectionString, context.Clock);
            foreach (var d in outbox.List(parse.GetValue(run), parse.GetValue(status)))
            {
                context.Output.WriteLine(Line(d));
            }

            return 0;
        });

        var id = new Argument<long?>("id") { Description = "The delivery to try again, as `deliveries list` shows it.", Arity = ArgumentArity.ZeroOrOne };
        var failed = new Option<bool>("--failed") { Description = "Every failed or dead delivery." };
        var ofRun = new Option<long?>("--run") { Description = "Every failed or dead delivery of this run." };
        var retry = new Command("retry", "Make a failed or dead delivery (or --failed: all of them; --run ID: a run's) pending and due now; `deliveries send` or the worker then sends it.")
        {
            id, failed, ofRun,
        };
        retry.SetAction(parse =>
        {
            var (one, all, runId) = (parse.GetValue(id), parse.GetValue(failed), parse.GetValue(ofRun));
            if ((one is null ? 0 : 1) + (all ? 1 : 0) + (runId is null ? 0 : 1) != 1)
            {
                throw new ReportEngineException("deliveries retry needs a delivery id, --failed or --run ID (one of them).");
            }

            // The console's retry buttons call the same DeliveryRetries.
            var retries = new DeliveryRetries(context.Settings(parse).ConnectionString, context.Clock);
            var count = one is { } single ? retries.RetryOne(single) : runId is { } run ? retries.RetryFailedOfRun(run) : retries.RetryAllFailed();
            context.Output.WriteLine($"deliveries: {count} made pending");
            return 0;
        });

        return new Command("deliveries", "The outbox: every e-mail and file drop of every run, and its status.") { send, list, retry };
    }

    internal static DeliverySender Sender(CliContext context, ParseResult parse)
    {
        var settings = context.Settings(parse);
        OrganizationsDatabase.OpenExisting(settings.ConnectionString).Dispose(); // exists, and migrated (delivery_senders arrived with 0008), on either engine
        return new DeliverySender(new Outbox(settings.ConnectionString, context.Clock), new CommitteeStore(settings.ConnectionString),
            context.ReportArchive(parse), CliContext.Smtp(), CliContext.Delivery(), new ErrorWriterLogger(context.Error),
            new BurstStore(settings.ConnectionString, context.Clock), context.Clock);
    }

    /// <summary>
    /// After a one-shot pass: says why e-mail stopped, and records the sends the database refused before
    /// exiting (waiting for it, until Ctrl-C). False when an admin must act: the settings, or unrecorded sends.
    /// </summary>
    internal static async Task<bool> Conclude(CliContext context, DeliverySender sender, DeliveryPass pass, CancellationToken cancellation)
    {
        var ok = true;
        if (pass.ConfigurationProblem is { } problem)
        {
            await context.Error.WriteLineAsync($"error: e-mail stopped, every e-mail delivery stays pending: {problem}");
            ok = false;
        }

        if (sender.Unrecorded.Count > 0)
        {
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"deliveries: {sender.Unrecorded.Count} accepted by the server but not yet recorded as sent; retrying every 30 s (stopping now would send them again after Delivery:ClaimTimeout)"));
            if (!await sender.FinishAsync(cancellation))
            {
                foreach (var d in sender.Unrecorded)
                {
                    await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"error: delivery {d.Id} ({d.CommitteeCode}, {d.Address}) was sent but is not recorded as sent: it will be sent again after Delivery:ClaimTimeout"));
                }

                ok = false;
            }
        }

        return ok;
    }

    internal static string Line(DeliveryRecord d) => string.Join("  ",
        d.Id.ToString(CultureInfo.InvariantCulture), d.Status, "run " + d.RunId.ToString(CultureInfo.InvariantCulture), d.CommitteeCode,
        d.Channel, d.Address, "attempts " + d.Attempts.ToString(CultureInfo.InvariantCulture),
        d.SentAt ?? d.LastAttemptAt ?? d.CreatedAt, d.LastError is null ? "" : "error: " + d.LastError.ReplaceLineEndings(" "));
}
