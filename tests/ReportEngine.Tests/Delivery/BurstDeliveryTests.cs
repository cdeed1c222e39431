using Dapper;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>
/// The issue's "done when": a burst over every district committee of the demo province, sent
/// through a real SMTP server on loopback, read back from its Maildir.
/// </summary>
public sealed class BurstDeliveryTests(DistrictBurstFixture burst) : IClassFixture<DistrictBurstFixture>
{
    [Fact]
    public void Every_district_committee_gets_exactly_one_message_per_recipient()
    {
        var expected = burst.Committees.SelectMany(c => c.Recipients.Select(r => r.Address)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(20, expected.Count);
        Assert.Equal(expected, burst.Messages.Select(m => m.EnvelopeRecipient).Order(StringComparer.Ordinal));
        Assert.Equal(burst.Messages.Count, burst.Messages.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public void Each_message_carries_its_own_committees_pdf_and_names_its_to_and_cc()
    {
        foreach (var committee in burst.Committees)
        {
            var own = burst.Messages.Where(m => m.Message.Headers["X-ReportEngine-Committee"] == committee.Code).ToList();
            Assert.Equal(committee.Recipients.Select(r => r.Address).Order(), own.Select(m => m.EnvelopeRecipient).Order());
            foreach (var message in own)
            {
                Assert.Equal($"annual-assessment-{committee.LocalityCode}-2024-{committee.Language}.pdf", message.Pdf.FileName);
                Assert.Equal($"{committee.Code}@example.org", Assert.Single(message.Message.To.Mailboxes).Address);
                Assert.Equal($"dan-van.{committee.Code}@example.org", Assert.Single(message.Message.Cc.Mailboxes).Address);
            }
        }
    }

    [Fact]
    public void Each_pdf_names_its_own_locality_and_no_organization_of_another_district()
    {
        foreach (var committee in burst.Committees)
        {
            var text = burst.PdfText(committee.Code);
            Assert.Contains(committee.LocalityName, text, StringComparison.Ordinal);
            var foreign = burst.OrganizationsOutside(committee.LocalityCode).Where(name => text.Contains(name, StringComparison.Ordinal)).ToList();
            Assert.True(foreign.Count == 0, $"{committee.Code}'s report names organisations of other districts: {string.Join("; ", foreign.Take(5))}");
        }
    }

    [Fact]
    public void Subject_and_body_are_in_the_committees_language()
    {
        var phrases = new Dictionary<string, (string Subject, string Body)>
        {
            ["vi"] = ("Báo cáo đánh giá công tác hội quần chúng", "Kính gửi"),
            ["en"] = ("Annual assessment of mass organisations", "Dear"),
        };
        Assert.Contains(burst.Committees, c => c.Language == "en"); // Phú Quý reads English
        foreach (var committee in burst.Committees)
        {
            foreach (var message in burst.Messages.Where(m => m.Message.Headers["X-ReportEngine-Committee"] == committee.Code))
            {
                var (subject, body) = phrases[committee.Language];
                Assert.StartsWith(subject, message.Message.Subject, StringComparison.Ordinal);
                Assert.Contains(committee.LocalityName, message.Message.Subject, StringComparison.Ordinal);
                Assert.StartsWith($"{body} {committee.Name},", message.Message.TextBody, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Run_prints_a_path_per_committee_then_the_summary_then_each_run_and_stores_the_summary()
    {
        // The process's stdout and stderr arrive merged here: the progress lines (stderr) are not the output.
        var lines = burst.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.EndsWith(" committees rendered", StringComparison.Ordinal)).ToArray();
        Assert.Equal(10 + 1 + 10, lines.Length);
        Assert.All(lines.Take(10), line => Assert.EndsWith(".pdf", line, StringComparison.Ordinal));
        Assert.StartsWith("deliveries: 10 committees, 20 sent, 0 pending, 0 failed, 0 dead", lines[10], StringComparison.Ordinal);
        Assert.All(lines.Skip(11), line => Assert.Matches(@"^run \d+: succeeded$", line));

        using var connection = SqliteDatabase.Open(burst.Database);
        var stored = connection.QuerySingle<(long Committees, long Sent, long Pending, long Failed)>(
            "SELECT committee_count, sent, pending, failed FROM bursts");
        Assert.Equal((10L, 20L, 0L, 0L), stored);
    }

    [Fact]
    public async Task Every_pdf_of_the_burst_is_archived_and_hashed_like_any_run()
    {
        var (code, output) = await burst.World.Cli(new Dictionary<string, string>(), "archive", "verify");
        Assert.True(code == 0, output);
        Assert.Contains("10 files checked, 10 intact", output, StringComparison.Ordinal);
    }
}

/// <summary>Runs the burst over the district committees once, for the tests above.</summary>
public sealed class DistrictBurstFixture : IAsyncLifetime, IDisposable
{
    private readonly DeliveryFixture _demo = new();
    private readonly TempFolder _pdfs = new();
    private SmtpServer? _server;

    public DeliveryWorld World { get; private set; } = null!;

    public string Database => World.Database;

    public IReadOnlyList<Committee> Committees { get; private set; } = [];

    public IReadOnlyList<ReceivedMessage> Messages { get; private set; } = [];

    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        World = new DeliveryWorld(_demo);
        _server = await SmtpServer.Start(World.File("smtp"));
        Committees = new CommitteeStore(World.Database).AtLevel("district");
        Output = await World.Burst(DeliveryWorld.Settings(_server.Environment), "district");
        Messages = _server.Messages();
    }

    /// <summary>The text of the PDF the committee's To recipient received, whitespace collapsed.</summary>
    public string PdfText(string committee)
    {
        var message = Messages.Single(m => m.EnvelopeRecipient == $"{committee}@example.org");
        return Collapse(string.Join(" ", Support.PdfText.Pages(message.SavePdf(_pdfs.Path))));
    }

    /// <summary>Names of organisations based in another district (or under it) and in no locality of this one.</summary>
    public IReadOnlyList<string> OrganizationsOutside(string district)
    {
        using var connection = SqliteDatabase.Open(Database, readOnly: true);
        var byDistrict = connection.Query<(string District, string Name)>(
            """
            WITH RECURSIVE area(id, district) AS (
                SELECT id, code FROM localities WHERE level = 'district'
                UNION ALL
                SELECT l.id, a.district FROM localities l JOIN area a ON l.parent_id = a.id
            )
            SELECT a.district, o.name FROM organizations o JOIN area a ON a.id = o.locality_id
            """).ToList();
        var own = byDistrict.Where(o => o.District == district).Select(o => Collapse(o.Name)).ToHashSet(StringComparer.Ordinal);
        return byDistrict.Where(o => o.District != district).Select(o => Collapse(o.Name)).Where(n => !own.Contains(n)).Distinct().ToList();
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _server?.Dispose();
        World?.Dispose();
        _pdfs.Dispose();
        _demo.Dispose();
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(System.Text.NormalizationForm.FormC);
}
