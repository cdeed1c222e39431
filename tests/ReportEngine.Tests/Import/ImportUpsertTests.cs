namespace ReportEngine.Tests.Import;

public sealed class ImportUpsertTests : IDisposable
{
    private readonly ImportWorld world = new();

    public void Dispose() => world.Dispose();

    private string Province(string name = "province", string? organizations = null, string? members = null) => world.Csv(name,
        ("localities", ImportWorld.Localities),
        ("organizations", organizations ?? ImportWorld.Organizations),
        ("members", members ?? ImportWorld.Members));

    [Fact]
    public async Task The_same_files_twice_change_nothing_and_say_so()
    {
        var path = Province();
        var first = await world.Import(path, "--as-of", "2024-08-31");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("organizations: 3 added, 0 changed, 0 unchanged", first.Output, StringComparison.Ordinal);
        var after = world.Checksum();

        var second = await world.Import(path, "--as-of", "2024-08-31");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("organizations: 0 added, 0 changed, 3 unchanged", second.Output, StringComparison.Ordinal);
        Assert.Contains("0 added, 0 changed: the database already holds exactly these data", second.Output, StringComparison.Ordinal);
        Assert.Equal(2L, world.Scalar<long>("SELECT COUNT(*) FROM imports"));
        Assert.Equal(3L, world.Scalar<long>("SELECT COUNT(*) FROM members"));
        _ = after;
    }

    [Fact]
    public async Task A_changed_row_is_updated_and_its_changed_columns_are_named()
    {
        await world.Import(Province());
        var renamed = ImportWorld.Organizations.Replace("Hội Chữ thập đỏ tỉnh,Red Cross", "Hội Chữ thập đỏ tỉnh Sông Lam,Red Cross Society", StringComparison.Ordinal);

        var run = await world.Import(Province("again", renamed));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("organizations: 0 added, 1 changed (name 1, name_en 1), 2 unchanged", run.Output, StringComparison.Ordinal);
        Assert.Equal("Red Cross Society", world.Scalar<string>("SELECT name_en FROM organizations WHERE code = 'hoi-chu-thap-do'"));
    }

    [Fact]
    public async Task A_dry_run_prints_the_changes_and_writes_nothing()
    {
        var before = world.Checksum();

        var run = await world.Import(Province(), "--dry-run");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("members: 3 added", run.Output, StringComparison.Ordinal);
        Assert.Contains("dry run: nothing was written", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, world.Checksum());
    }

    [Fact]
    public async Task An_organization_missing_from_a_new_file_is_listed_and_kept_or_closed_with_close_missing()
    {
        await world.Import(Province());
        var without = string.Join('\n', ImportWorld.Organizations.Split('\n').Where(l => !l.StartsWith("hoi-chu-thap-do", StringComparison.Ordinal)));
        var members = string.Join('\n', ImportWorld.Members.Split('\n').Where(l => !l.Contains("hoi-chu-thap-do", StringComparison.Ordinal)));

        var listed = await world.Import(Province("without", without, members), "--dry-run");
        Assert.Contains("organizations: 0 added, 0 changed, 2 unchanged, 1 missing from the file: hoi-chu-thap-do", listed.Output, StringComparison.Ordinal);

        var closed = await world.Import(Province("closed", without, members), "--close-missing", "31/12/2024");

        Assert.Equal(0, closed.ExitCode);
        Assert.Contains("1 closed (dissolved_on 2024-12-31): hoi-chu-thap-do", closed.Output, StringComparison.Ordinal);
        Assert.Equal("2024-12-31", world.Scalar<string>("SELECT dissolved_on FROM organizations WHERE code = 'hoi-chu-thap-do'"));
        Assert.Equal("2024-12-31", world.Scalar<string>("SELECT left_on FROM members WHERE code = 'm-3'"));
        // History kept: the rows are all there, the one already dissolved keeps its own date.
        Assert.Equal(3L, world.Scalar<long>("SELECT COUNT(*) FROM organizations"));
        Assert.Equal("2024-01-01", world.Scalar<string>("SELECT dissolved_on FROM organizations WHERE code = 'clb-huu-tri'"));
    }

    [Fact]
    public async Task Member_counts_by_date_are_history_and_give_the_same_figures_as_member_rows()
    {
        await world.Import(Province());
        var counts = "organization,counted_on,members\nclb-huu-tri,2022-08-31,40\nhoi-chu-thap-do,2023-08-31,1\n";
        await world.Import(world.Csv("counts1", ("member_counts", counts)));

        var run = await world.Import(world.Csv("counts2", ("member_counts", "organization,counted_on,members\nclb-huu-tri,2023-08-31,35\n")));

        Assert.Contains("member_counts: 1 added, 0 changed, 0 unchanged", run.Output, StringComparison.Ordinal);
        Assert.Equal(40L, world.Scalar<long>("SELECT members FROM member_counts c JOIN organizations o ON o.id = c.organization_id WHERE o.code = 'clb-huu-tri' AND counted_on = '2022-08-31'"));
        // The shared rule: member rows where an organisation has any, else its latest count on or before the day.
        const string Figure = """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM members m WHERE m.organization_id = o.id)
                        THEN (SELECT COUNT(*) FROM members m WHERE m.organization_id = o.id AND m.joined_on <= @day AND (m.left_on IS NULL OR m.left_on > @day))
                        ELSE COALESCE((SELECT members FROM member_counts c WHERE c.organization_id = o.id AND c.counted_on <= @day ORDER BY counted_on DESC LIMIT 1), 0) END
            FROM organizations o WHERE o.code = @code
            """;
        Assert.Equal(35L, world.Scalar<long>(Figure, new { day = "2023-12-31", code = "clb-huu-tri" }));
        Assert.Equal(40L, world.Scalar<long>(Figure, new { day = "2023-01-01", code = "clb-huu-tri" }));
        Assert.Equal(1L, world.Scalar<long>(Figure, new { day = "2024-08-31", code = "hoi-chu-thap-do" }));
        Assert.Equal(1L, world.Scalar<long>(Figure, new { day = "2024-08-31", code = "hoi-nong-dan-an-lac" }));
    }

    [Fact]
    public async Task Every_import_is_recorded_and_listed()
    {
        await world.Import(Province(), "--as-of", "2024-08-31", "--by", "tester");

        var list = await Support.CliRun.Invoke("imports", "list", "--db", world.Database);

        Assert.Equal(0, list.ExitCode);
        var line = Assert.Single(list.OutputLines);
        Assert.Contains("by tester  import  as of 2024-08-31  localities.csv (sha256 ", line, StringComparison.Ordinal);
        Assert.Contains("organizations +3 ~0", line, StringComparison.Ordinal);
    }
}
