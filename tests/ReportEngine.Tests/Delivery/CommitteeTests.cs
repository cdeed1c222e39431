using ReportEngine.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>Managing committees: CSV import and `committees set`, validated before anything is saved.</summary>
[Collection(DeliveryGroup.Name)]
public sealed class CommitteeTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task Import_creates_and_updates_committees_with_their_recipients_language_and_drop_folder()
    {
        using var world = new DeliveryWorld(fixture);
        File.WriteAllText(world.File("committees.csv"), """
            code,name,locality,language,to,cc,drop_folder
            la-gi,"Ban Thường vụ Thị ủy La Gi, khóa mới",la-gi,en,bt.la-gi@example.org;vp.la-gi@example.org,dv.la-gi@example.org,/mnt/share/la-gi
            phan-thiet-mui-ne,Đảng ủy phường Mũi Né,phan-thiet-mui-ne,pl,mui-ne@example.org,,
            """);

        var run = await CliRun.Invoke("committees", "import", world.File("committees.csv"), "--db", world.Database);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("committees: 2 imported", run.OutputLines[^1]);
        var store = new CommitteeStore(world.Database);
        var laGi = store.Find("la-gi")!;
        Assert.Equal(("Ban Thường vụ Thị ủy La Gi, khóa mới", "en", "/mnt/share/la-gi"), (laGi.Name, laGi.Language, laGi.DropFolder));
        Assert.Equal(
            [new Recipient("bt.la-gi@example.org", "to"), new Recipient("vp.la-gi@example.org", "to"), new Recipient("dv.la-gi@example.org", "cc")],
            laGi.Recipients);
        var muiNe = store.Find("phan-thiet-mui-ne")!;
        Assert.Equal(("pl", "Đảng ủy phường Mũi Né"), (muiNe.Language, muiNe.Name));
        Assert.Equal([new Recipient("mui-ne@example.org", "to")], muiNe.Recipients);
    }

    [Fact]
    public async Task Import_with_a_bad_address_or_unknown_locality_names_each_line_and_imports_nothing()
    {
        using var world = new DeliveryWorld(fixture);
        File.WriteAllText(world.File("committees.csv"), """
            code,locality,language,to
            la-gi,la-gi,en,new.la-gi@example.org
            phu-quy,phu-quy,vi,phu-quy.example.org
            atlantis,atlantis,vi,atlantis@example.org
            """);

        var run = await CliRun.Invoke("committees", "import", world.File("committees.csv"), "--db", world.Database);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("committees.csv:3: to: \"phu-quy.example.org\" is not an e-mail address", run.Error, StringComparison.Ordinal);
        Assert.Contains("committees.csv:4: locality: there is no locality \"atlantis\"", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", run.Error, StringComparison.Ordinal);
        Assert.Equal("vi", new CommitteeStore(world.Database).Find("la-gi")!.Language);
    }

    [Fact]
    public async Task A_second_committee_for_a_locality_is_refused_naming_the_one_it_has()
    {
        using var world = new DeliveryWorld(fixture);

        var run = await CliRun.Invoke("committees", "set", "la-gi-2", "--locality", "la-gi", "--to", "x@example.org", "--db", world.Database);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the locality \"la-gi\" already has the committee \"la-gi\"", run.Error, StringComparison.Ordinal);
        Assert.Null(new CommitteeStore(world.Database).Find("la-gi-2"));
    }

    [Fact]
    public async Task Set_changes_one_committee_and_refuses_an_address_that_is_not_one()
    {
        using var world = new DeliveryWorld(fixture);

        var good = await CliRun.Invoke("committees", "set", "tuy-phong", "--language", "pl", "--cc", "", "--db", world.Database);
        var bad = await CliRun.Invoke("committees", "set", "tuy-phong", "--to", "tuy phong@example.org", "--db", world.Database);

        Assert.True(good.ExitCode == 0, good.Error);
        var committee = new CommitteeStore(world.Database).Find("tuy-phong")!;
        Assert.Equal("pl", committee.Language);
        Assert.Equal([new Recipient("tuy-phong@example.org", "to")], committee.Recipients);
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("error: committee \"tuy-phong\": to:", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_burst_refuses_a_locality_parameter_and_an_unknown_committee_before_recording_anything()
    {
        using var world = new DeliveryWorld(fixture);

        var locality = await CliRun.Invoke("run", "annual-assessment", "--set", "locality=la-gi", "--committees", "district", "--db", world.Database, "--archive", world.File("archive"));
        var unknown = await CliRun.Invoke("run", "annual-assessment", "--committees", "la-gi,atlantis", "--db", world.Database, "--archive", world.File("archive"));
        var noLocality = await CliRun.Invoke("run", "organization-sheet", "--committees", "la-gi", "--db", world.Database, "--archive", world.File("archive"));

        Assert.Contains("cannot be combined with --committees", locality.Error, StringComparison.Ordinal);
        Assert.Contains("there is no committee \"atlantis\"", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("has no parameter \"locality\"", noLocality.Error, StringComparison.Ordinal);
        Assert.All(new[] { locality, unknown, noLocality }, r => Assert.Equal(1, r.ExitCode));
        Assert.Empty(new ReportEngine.Runs.RunStore(world.Database, TimeProvider.System).List(10));
    }
}
