using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Data;
using ReportEngine.Tests.Support;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web.Api;

/// <summary>
/// POST /api/v1/runs as a script does it, against the real host: its worker renders the run, the API
/// follows it to the end and hands out the archived PDF; retried POSTs queue once; refusals are problem details.
/// </summary>
[Collection(WebGroup.Name)]
public sealed class RunsApiTests(WebFixture fixture)
{
    private static readonly object Assessment = new
    {
        template = "annual-assessment",
        language = "en",
        parameters = new Dictionary<string, string> { ["year"] = "2024", ["locality"] = "la-gi" },
    };

    [Fact]
    public async Task A_run_posted_with_an_operator_key_is_rendered_and_its_pdf_carries_the_databases_figure()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = ApiKeys.Client(host, await ApiKeys.CreateWithCli(host, ConsoleRoles.Operator, "nightly"));

        using var posted = await ApiJson.PostRun(client, Assessment);
        var queued = await ApiJson.Read(posted, HttpStatusCode.Accepted);
        var id = queued.GetProperty("id").GetInt64();
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/runs/{id}", posted.Headers.Location?.OriginalString);

        var run = await ApiJson.UntilFinished(client, id, TimeSpan.FromSeconds(120));
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(("api", "apikey:nightly", "en"), (run.GetProperty("trigger").GetString(), run.GetProperty("requestedBy").GetString(), run.GetProperty("language").GetString()));
        Assert.Equal(2024, run.GetProperty("parameters").GetProperty("year").GetInt32());
        Assert.True(run.GetProperty("pages").GetInt32() > 0);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00$", run.GetProperty("finishedAt").GetString());

        using var pdf = await client.GetAsync(run.GetProperty("pdf").GetString());
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal(run.GetProperty("bytes").GetInt64(), bytes.Length);
        Assert.Equal(run.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));

        // A commune of La Gi and its organisations active on 31 August 2024, counted here from the database itself;
        // the report's table of units has that commune's row with that count.
        var (commune, organizations) = CommuneOfLaGi(host.Database);
        var file = Path.Combine(host.Folder, "downloaded.pdf");
        await File.WriteAllBytesAsync(file, bytes);
        var text = string.Join(" ", PdfText.Pages(file));
        Assert.Matches($@"{Regex.Escape(commune)} [\d,]+ [\d,]+ {organizations.ToString("N0", CultureInfo.GetCultureInfo("en"))} [\d,]+", text);

        using var audit = SqliteDatabase.Open(host.Database, readOnly: true);
        Assert.Equal(1, audit.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM console_audit_log WHERE actor = 'apikey:nightly' AND action = 'run.queued' AND target = @target", new { target = $"run {id}" }));
    }

    [Fact]
    public async Task The_same_idempotency_key_queues_one_run_and_another_body_under_it_is_refused()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = ApiKeys.Client(host, await ApiKeys.Create(host, ConsoleRoles.Operator, "retrying"));

        using var first = await ApiJson.PostRun(client, Assessment, "6f1c2d2e-retry");
        using var second = await ApiJson.PostRun(client, Assessment, "6f1c2d2e-retry");
        var (a, b) = (await ApiJson.Read(first, HttpStatusCode.Accepted), await ApiJson.Read(second, HttpStatusCode.Accepted));
        using var other = await ApiJson.PostRun(client, new
        {
            template = "annual-assessment",
            language = "en",
            parameters = new Dictionary<string, string> { ["year"] = "2023", ["locality"] = "la-gi" },
        }, "6f1c2d2e-retry");
        var conflict = await ApiJson.Problem(other, HttpStatusCode.UnprocessableEntity);

        Assert.Equal(a.GetProperty("id").GetInt64(), b.GetProperty("id").GetInt64());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Contains("The idempotency key \"6f1c2d2e-retry\" was used for a different request", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Retries racing each other (a client that timed out and tried again at once) still queue one run.
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await ApiJson.PostRun(client, Assessment, "race-1");
            return (await ApiJson.Read(response, HttpStatusCode.Accepted)).GetProperty("id").GetInt64();
        }));
        Assert.Single(racing.Distinct());

        using var connection = SqliteDatabase.Open(host.Database, readOnly: true);
        Assert.Equal(2, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM runs WHERE requested_by = 'apikey:retrying'"));
    }

    [Theory]
    [InlineData("year", "abc", "Parameter \"year\" of template \"annual-assessment\" must be a whole number; got \"abc\".")]
    [InlineData("locality", "nowhere", "nowhere")]
    [InlineData("colour", "red", "Template \"annual-assessment\" has no parameter \"colour\"")]
    public async Task A_bad_parameter_is_a_400_problem_with_the_command_lines_message_naming_it(string name, string value, string message)
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var client = ApiKeys.Client(host, await ApiKeys.Create(host, ConsoleRoles.Operator, "typo"));

        using var response = await ApiJson.PostRun(client, new
        {
            template = "annual-assessment",
            parameters = new Dictionary<string, string> { [name] = value },
        });
        var problem = await ApiJson.Problem(response, HttpStatusCode.BadRequest);

        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        if (name != "locality")
        {
            Assert.Equal(name, problem.GetProperty("parameter").GetString());
        }

        using var connection = SqliteDatabase.Open(host.Database, readOnly: true);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM runs"));
    }

    [Fact]
    public async Task Keys_and_roles_are_checked_and_every_refusal_is_problem_json()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var viewer = ApiKeys.Client(host, await ApiKeys.Create(host, ConsoleRoles.Viewer, "reader"));
        var revokedKey = await ApiKeys.Create(host, ConsoleRoles.Operator, "leaked");
        await host.Services.GetRequiredService<ConsoleApiKeys>().RevokeAsync("leaked", "test", null);
        var operatorClient = ApiKeys.Client(host, await ApiKeys.Create(host, ConsoleRoles.Operator, "ops"));

        using var byViewer = await ApiJson.PostRun(viewer, Assessment);
        using var anonymous = await ApiJson.PostRun(host.CreateClient(), Assessment);
        using var anonymousList = await host.CreateClient().GetAsync("/api/v1/runs");
        using var revoked = await ApiJson.PostRun(ApiKeys.Client(host, revokedKey), Assessment);
        using var unknown = await viewer.GetAsync("/api/v1/runs/999999");
        using var noPdf = await viewer.GetAsync("/api/v1/runs/999999/pdf");
        using var noSuchPath = await viewer.GetAsync("/api/v1/nothing-here");
        using var notJson = await operatorClient.PostAsync("/api/v1/runs", new StringContent("template=annual-assessment"));
        using var badLimit = await viewer.GetAsync("/api/v1/runs?limit=500");
        using var typo = await operatorClient.PostAsync("/api/v1/runs",
            new StringContent("""{"template": "annual-assessment", "langauge": "en"}""", System.Text.Encoding.UTF8, "application/json"));
        using var viewerRead = await viewer.GetAsync("/api/v1/runs");

        await ApiJson.Problem(byViewer, HttpStatusCode.Forbidden);
        await ApiJson.Problem(anonymous, HttpStatusCode.Unauthorized);
        await ApiJson.Problem(anonymousList, HttpStatusCode.Unauthorized);
        await ApiJson.Problem(revoked, HttpStatusCode.Unauthorized);
        Assert.Equal("There is no run 999999.", (await ApiJson.Problem(unknown, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        await ApiJson.Problem(noPdf, HttpStatusCode.NotFound);
        await ApiJson.Problem(noSuchPath, HttpStatusCode.NotFound);
        await ApiJson.Problem(notJson, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("limit", (await ApiJson.Problem(badLimit, HttpStatusCode.BadRequest)).GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.OK, viewerRead.StatusCode);
        Assert.Equal("The body is not a run request: The JSON property 'langauge' is not a member of a run request (template, language, parameters, committees).",
            (await ApiJson.Problem(typo, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        using var connection = SqliteDatabase.Open(host.Database, readOnly: true);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM runs"));
    }

    /// <summary>A commune directly under La Gi on 31 August 2024 (no merges into it, no units below), with its active organisations.</summary>
    private static (string Name, long Organizations) CommuneOfLaGi(string database)
    {
        using var connection = SqliteDatabase.Open(database, readOnly: true);
        return connection.QueryFirst<(string, long)>("""
            SELECT l.name, COUNT(o.id)
            FROM localities l
            JOIN localities parent ON parent.id = l.parent_id AND parent.code = 'la-gi'
            LEFT JOIN organizations o ON o.locality_id = l.id AND o.founded_on <= '2024-08-31'
                                     AND (o.dissolved_on IS NULL OR o.dissolved_on > '2024-08-31')
            WHERE l.valid_from <= '2024-08-31' AND (l.valid_to IS NULL OR l.valid_to > '2024-08-31') AND l.merged_into_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM localities c WHERE c.parent_id = l.id OR c.merged_into_id = l.id)
            GROUP BY l.id, l.name
            HAVING COUNT(o.id) > 0
            ORDER BY COUNT(o.id) DESC, l.id
            LIMIT 1
            """);
    }
}
