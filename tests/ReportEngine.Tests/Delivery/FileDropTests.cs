using ReportEngine.Archive;
using ReportEngine.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>The file-drop channel: each committee's PDF copied once, atomically, never over a different file.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class FileDropTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task File_drop_writes_each_committees_pdf_once_atomically_and_a_second_pass_changes_nothing()
    {
        using var world = new DeliveryWorld(fixture);
        var settings = DeliveryWorld.Settings();
        foreach (var committee in new[] { "phan-thiet", "phu-quy" })
        {
            var (code, output) = await world.Cli(settings, "committees", "set", committee, "--drop-folder", world.DropFolder("share-" + committee));
            Assert.True(code == 0, output);
        }

        var burst = await world.Burst(settings, "phan-thiet,phu-quy");
        Assert.Contains("deliveries: 2 committees, 2 sent, 4 pending", burst, StringComparison.Ordinal); // e-mail waits: no Smtp:Host

        foreach (var (committee, language) in new[] { ("phan-thiet", "vi"), ("phu-quy", "en") })
        {
            var dropped = Assert.Single(DeliveryWorld.Dropped(world.File("share-" + committee)));
            Assert.Equal($"annual-assessment-{committee}-2024-{language}.pdf", Path.GetFileName(dropped));
            var delivery = world.Outbox.List().Single(d => d.Channel == DeliveryChannel.File && d.CommitteeCode == committee);
            Assert.Equal(DeliveryStatus.Sent, delivery.Status);
            Assert.Equal(ReportArchive.Sha256(world.Archive.FullPath(delivery.ArchivePath!)), ReportArchive.Sha256(dropped));
        }

        var written = File.GetLastWriteTimeUtc(DeliveryWorld.Dropped(world.File("share-phan-thiet"))[0]);
        world.Sql("UPDATE deliveries SET status = 'pending' WHERE channel = 'file'"); // as after a crash before 'sent' was recorded
        await world.Cli(settings, "deliveries", "send");
        Assert.Single(DeliveryWorld.Dropped(world.File("share-phan-thiet")));
        Assert.Equal(written, File.GetLastWriteTimeUtc(DeliveryWorld.Dropped(world.File("share-phan-thiet"))[0]));
        Assert.All(world.Outbox.List().Where(d => d.Channel == DeliveryChannel.File), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public void File_drop_never_overwrites_a_different_file_of_the_same_name()
    {
        using var folder = new TempFolder();
        var pdf = folder.File("report.pdf");
        File.WriteAllText(pdf, "%PDF the report");
        var share = Directory.CreateDirectory(folder.File("share")).FullName;
        File.WriteAllText(Path.Combine(share, FileDrop.Marker), "");
        File.WriteAllText(Path.Combine(share, "annual-assessment-la-gi-2024-vi.pdf"), "someone else's file");

        var outcome = FileDrop.Copy(pdf, share, "annual-assessment-la-gi-2024-vi.pdf");

        Assert.Equal(DeliveryOutcomeKind.Refused, outcome.Kind);
        Assert.Contains("already exists with different content", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("someone else's file", File.ReadAllText(Path.Combine(share, "annual-assessment-la-gi-2024-vi.pdf")));
        Assert.Single(DeliveryWorld.Dropped(share));
    }

    [Fact]
    public void File_drop_into_a_folder_that_is_not_there_is_retried_later()
    {
        using var folder = new TempFolder();
        var pdf = folder.File("report.pdf");
        File.WriteAllText(pdf, "%PDF the report");

        var outcome = FileDrop.Copy(pdf, folder.File("not-mounted"), "report.pdf");

        Assert.Equal(DeliveryOutcomeKind.Transient, outcome.Kind);
        Assert.Contains("is the share mounted?", outcome.Error, StringComparison.Ordinal);
    }
}
