using ReportEngine.Configuration;
using ReportEngine.Requests;
using ReportEngine.Runs;
using ReportEngine.Tests.Support;
using ReportEngine.Tests.Worker;

namespace ReportEngine.Tests.Requests;

/// <summary>The console's and the API's run requests: checked as `run` checks them, queued once per idempotency key, run by the worker.</summary>
[Collection(WorkerGroup.Name)]
public sealed class RunRequestsTests(WorkerFixture fixture) : IDisposable
{
    private readonly WorkerFolder _folder = new(fixture);

    private RunRequests Requests => new(new ReportEngineSettings(_folder.Database, RepositoryPaths.Templates), TimeProvider.System);

    private static RunRequest Assessment(string locality = "la-gi") =>
        new("annual-assessment", new Dictionary<string, string> { ["year"] = "2024", ["locality"] = locality }, "en");

    [Fact]
    public void The_same_idempotency_key_twice_queues_one_run_and_answers_with_it_both_times()
    {
        var first = Requests.Queue(Assessment(), RunTrigger.Api, "apikey:script", "key-1");
        var second = Requests.Queue(Assessment(), RunTrigger.Api, "apikey:script", "key-1");

        Assert.NotNull(first.RunId);
        Assert.Equal((first.RunId, false, true), (second.RunId, first.Repeated, second.Repeated));
        var run = Assert.Single(_folder.Runs.List(100));
        Assert.Equal((RunTrigger.Api, "apikey:script", RunStatus.Queued, "en"), (run.Trigger, run.RequestedBy, run.Status, run.Language));
    }

    [Fact]
    public void A_different_request_under_a_used_key_is_a_conflict_and_another_requester_has_keys_of_its_own()
    {
        var first = Requests.Queue(Assessment(), RunTrigger.Console, "lan", "k");

        var conflict = Assert.Throws<IdempotencyConflictException>(() => Requests.Queue(Assessment("phu-quy"), RunTrigger.Console, "lan", "k"));
        var other = Requests.Queue(Assessment(), RunTrigger.Console, "minh", "k");
        var unkeyed = Requests.Queue(Assessment(), RunTrigger.Console, "lan");

        Assert.Contains("The idempotency key \"k\" was used for a different request", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(3, new[] { first.RunId, other.RunId, unkeyed.RunId }.Distinct().Count());
        Assert.Equal(3, _folder.Runs.List(100).Count);
    }

    [Theory]
    [InlineData("no-such-template", "year=2024", null)]
    [InlineData("annual-assessment", "year=abc", null)]
    [InlineData("annual-assessment", "locality=nowhere", null)]
    [InlineData("annual-assessment", "locality=la-gi", "district")]
    [InlineData("annual-assessment", "year=2024", "no-such-committee")]
    public async Task A_refused_request_gets_the_command_lines_message_word_for_word(string template, string assignment, string? committees)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { [assignment.Split('=')[0]] = assignment.Split('=')[1] };
        var args = new List<string> { "run", template, "--set", assignment, "--db", _folder.Database };
        if (committees is not null)
        {
            args.AddRange(["--committees", committees]);
        }

        var cli = await CliProcess.Run(_folder.Path, new Dictionary<string, string> { ["Templates__Path"] = RepositoryPaths.Templates }, null, [.. args]);
        var refused = Assert.ThrowsAny<ReportEngineException>(() => Requests.Queue(
            new RunRequest(template, parameters, Committees: committees), RunTrigger.Console, "lan"));

        Assert.Equal(1, cli.ExitCode);
        Assert.Equal("error: " + refused.Message, cli.Error.Trim());
        Assert.Empty(_folder.Runs.List(100));
    }

    [Fact]
    public void A_language_with_committees_is_refused_as_run_refuses_it()
    {
        var refused = Assert.Throws<ReportEngineException>(() => Requests.Check(
            new RunRequest("annual-assessment", new Dictionary<string, string> { ["year"] = "2024" }, "en", "district")));

        Assert.Equal("--lang cannot be combined with --committees: each committee receives its report in its own language.", refused.Message);
    }

    [Fact]
    public async Task A_queued_console_run_is_rendered_by_the_serving_worker()
    {
        using var worker = _folder.StartWorker();
        await worker.WaitForLine(l => l.Contains("Serving ", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

        var queued = Requests.Queue(Assessment(), RunTrigger.Console, "lan", "form-1");

        var run = await Poll.Until(() => _folder.Runs.Find(queued.RunId!.Value) is { IsFinished: true } r ? r : null, TimeSpan.FromSeconds(60), () => worker.Output);
        Assert.Equal((RunStatus.Succeeded, RunTrigger.Console, "lan"), (run.Status, run.Trigger, run.RequestedBy));
        Assert.Equal(run.Sha256, ReportEngine.Archive.ReportArchive.Sha256(_folder.Archive.FullPath(run.ArchivePath!)));
    }

    public void Dispose() => _folder.Dispose();
}
