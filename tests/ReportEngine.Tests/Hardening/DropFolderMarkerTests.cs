using ReportEngine.Delivery;
using ReportEngine.Tests.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// Point 10 of issue 11: a drop folder is written only when it holds the marker file an admin creates in the
/// mounted share (an unmounted mount point is an empty local folder); until then the delivery stays pending,
/// saying why. Temporary files a crash mid-copy left behind are deleted; one being written is not.
/// </summary>
[Collection(DeliveryGroup.Name)]
public sealed class DropFolderMarkerTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task A_drop_folder_without_the_marker_is_not_written_and_its_delivery_waits_until_the_marker_is_created()
    {
        using var world = new DeliveryWorld(fixture);
        var mountPoint = Directory.CreateDirectory(world.File("mnt-la-gi")).FullName;      // the share is not mounted: an empty folder
        var settings = DeliveryWorld.Settings();
        var (code, output) = await world.Cli(settings, "committees", "set", "la-gi", "--drop-folder", mountPoint);
        Assert.True(code == 0, output);

        await world.Burst(settings, "la-gi");

        Assert.Empty(Directory.GetFileSystemEntries(mountPoint));
        var waiting = world.Outbox.List().Single(d => d.Channel == DeliveryChannel.File);
        Assert.Equal((DeliveryStatus.Pending, 1L), (waiting.Status, waiting.Attempts));
        Assert.Contains($"The drop folder {mountPoint} has no .reportengine-drop file", waiting.LastError, StringComparison.Ordinal);
        Assert.Contains($"touch {Path.Combine(mountPoint, ".reportengine-drop")}", waiting.LastError, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(mountPoint, FileDrop.Marker), "");      // the admin mounted the share and marked it
        (code, output) = await world.Cli(settings, "deliveries", "send");

        Assert.True(code == 0, output);
        Assert.Equal(DeliveryStatus.Sent, world.Outbox.Find(waiting.Id)!.Status);
        Assert.Equal("annual-assessment-la-gi-2024-vi.pdf", Path.GetFileName(Assert.Single(DeliveryWorld.Dropped(mountPoint))));
    }

    [Fact]
    public void Partial_files_a_crash_left_behind_are_deleted_at_the_next_copy_and_one_being_written_is_left_alone()
    {
        using var folder = new TempFolder();
        var pdf = folder.File("report.pdf");
        File.WriteAllText(pdf, "%PDF the report");
        var share = Directory.CreateDirectory(folder.File("share")).FullName;
        File.WriteAllText(Path.Combine(share, FileDrop.Marker), "");
        var leftover = Path.Combine(share, $".annual-assessment-la-gi-2024-vi.pdf.{Guid.NewGuid():N}.partial");
        var otherLeftover = Path.Combine(share, $".annual-assessment-phu-quy-2024-en.pdf.{Guid.NewGuid():N}.partial");
        var inProgress = Path.Combine(share, $".annual-assessment-phan-thiet-2024-vi.pdf.{Guid.NewGuid():N}.partial");
        var someoneElses = Path.Combine(share, ".notes.partial");
        foreach (var file in new[] { leftover, otherLeftover, someoneElses })
        {
            File.WriteAllText(file, "%PDF half a rep");
        }

        using (var writing = new FileStream(inProgress, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            var outcome = FileDrop.Copy(pdf, share, "annual-assessment-la-gi-2024-vi.pdf");

            Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
            Assert.False(File.Exists(leftover));
            Assert.False(File.Exists(otherLeftover));
            Assert.True(File.Exists(inProgress));
            Assert.True(File.Exists(someoneElses));
        }

        Assert.Equal("%PDF the report", File.ReadAllText(Path.Combine(share, "annual-assessment-la-gi-2024-vi.pdf")));
    }
}
