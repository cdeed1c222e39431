namespace ReportEngine.Tests.Import;

public sealed class ImportErrorTests : IDisposable
{
    private readonly ImportWorld world = new();

    public void Dispose() => world.Dispose();

    [Fact]
    public async Task Every_kind_of_bad_row_is_reported_with_file_row_and_column_and_nothing_changes()
    {
        await world.Import(world.Csv("good", ("localities", ImportWorld.Localities), ("organizations", ImportWorld.Organizations)));
        var before = world.Checksum();
        var path = world.Csv("bad",
            ("organizations", """
                code,name,name_en,scope,kind,field,locality,founded_on,dissolved_on,colour
                Hội-1,Hội A,,commune,assigned,social,song-lam,2010-01-01,,red
                hoi-b,Hội B,,village,assigned,social,song-lam,31/02/2024,,
                hoi-c,Hội C,,commune,assigned,social,nowhere,2010-01-01,2009-12-31,
                hoi-c,Hội C again,,commune,assigned,social,song-lam,2010-01-01,,
                hoi-d,,,commune,assigned,social,song-lam,yesterday,,
                """),
            ("members", """
                code,organization,gender,birth_year,joined_on,left_on
                m-1,hoi-c,female,nineteen,2015-01-01,2014-01-01
                m-2,no-such-organization,x,1980,2016-01-01,
                """),
            ("targets", """
                locality,indicator,period_from,period_to,target_value,unit,resolution
                song-lam,membership_rate:aliens,2021,2020,abc,percent,NQ 01
                """));

        var run = await world.Import(path);

        Assert.Equal(1, run.ExitCode);
        var lines = ImportWorld.ErrorLines(run);
        Assert.All(lines, l => Assert.StartsWith("error: ", l, StringComparison.Ordinal));
        void Has(string expected) => Assert.Contains(lines, l => l.Contains(expected, StringComparison.Ordinal));
        Has("organizations.csv row 1, column colour: unknown column \"colour\"");
        Has("organizations.csv row 2, column code, value \"Hội-1\": a code is 1-64 characters");
        Has("organizations.csv row 3, column scope, value \"village\": must be one of: province, district, commune");
        Has("organizations.csv row 3, column founded_on, value \"31/02/2024\": there is no such date");
        Has("organizations.csv row 4, column locality, value \"nowhere\": there is no locality \"nowhere\"");
        Has("organizations.csv row 4, column dissolved_on, value \"2009-12-31\": must be after founded_on (2010-01-01)");
        Has("organizations.csv row 5, column code, value \"hoi-c\": appears twice: also on row 4");
        Has("organizations.csv row 6, column name: a value is required");
        Has("organizations.csv row 6, column founded_on, value \"yesterday\": not a date");
        Has("members.csv row 2, column birth_year, value \"nineteen\": not a whole number");
        Has("members.csv row 2, column left_on, value \"2014-01-01\": must not be before joined_on (2015-01-01)");
        Has("members.csv row 3, column organization, value \"no-such-organization\": there is no organization");
        Has("members.csv row 3, column gender, value \"x\": must be one of: female, male");
        Has("targets.csv row 2, column indicator, value \"membership_rate:aliens\": not a known indicator");
        Has("targets.csv row 2, column target_value, value \"abc\": not a number");
        Has("targets.csv row 2, column period_to, value \"2020\": must not be before period_from (2021)");
        Assert.Matches(@"^error: \d+ errors; nothing was imported$", lines[^1]);
        Assert.Equal(before, world.Checksum());
    }

    [Fact]
    public async Task A_missing_required_column_names_the_file_and_the_column()
    {
        var before = world.Checksum();
        var run = await world.Import(world.Csv("bad", ("localities", "code,name,level\nx,X,province\n")));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: localities.csv row 1, column unit_type: the required column \"unit_type\" is missing", run.Error, StringComparison.Ordinal);
        Assert.Contains("error: localities.csv row 1, column valid_from: the required column \"valid_from\" is missing", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, world.Checksum());
    }

    [Fact]
    public async Task A_reference_to_a_row_with_its_own_error_is_not_reported_twice()
    {
        var run = await world.Import(world.Csv("bad",
            ("localities", ImportWorld.Localities),
            ("organizations", "code,name,scope,kind,field,locality,founded_on\nhoi-x,Hội X,commune,assigned,social,song-lam,2024-02-30\n"),
            ("members", "code,organization,gender,birth_year,joined_on\nm-1,hoi-x,male,1970,2020-01-01\n")));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, ImportWorld.ErrorLines(run).Length); // the date, then the count
    }

    [Fact]
    public async Task Errors_can_be_read_in_Vietnamese()
    {
        var run = await world.Import(world.Csv("bad", ("localities", "code,name,level,unit_type,valid_from\nx,X,tỉnh,province,2020-01-01\n")), "--lang", "vi");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: localities.csv dòng 2, cột level, giá trị \"tỉnh\": phải là một trong: province, district, commune", run.Error, StringComparison.Ordinal);
        Assert.Contains("error: 1 lỗi; không có dữ liệu nào được nhập", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_committee_breaks_the_committee_rules_of_the_committees_verbs()
    {
        var run = await world.Import(world.Csv("bad",
            ("localities", ImportWorld.Localities),
            ("committees", "code,name,locality,language,to\nsong-lam,Ban Thường vụ,song-lam,vi,a@example.org\nha-vinh,BTV,song-lam,vi,\nan-lac,BTV,song-lam/ha-vinh/an-lac,fr,not-an-address\n")));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("committees.csv row 4, column language", run.Error, StringComparison.Ordinal);
        Assert.Contains("committees.csv row 4, column to", run.Error, StringComparison.Ordinal);
        Assert.Contains("committees.csv row 3, column locality, value \"song-lam\": the locality \"song-lam\" already has the committee \"song-lam\"", run.Error, StringComparison.Ordinal);
    }
}
