using System.Text;

namespace ReportEngine.Tests.Import;

public sealed class CsvFormatTests : IDisposable
{
    private readonly ImportWorld world = new();

    public void Dispose() => world.Dispose();

    [Theory]
    [InlineData(true, ",")]
    [InlineData(false, ",")]
    [InlineData(true, ";")]
    [InlineData(false, ";")]
    public async Task Utf8_with_or_without_bom_and_comma_or_semicolon_all_read_the_same(bool bom, string delimiter)
    {
        var localities = ImportWorld.Localities.Replace(",", delimiter, StringComparison.Ordinal);
        byte[] Bytes(string text) => [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];

        var run = await world.Import(world.CsvBytes("files", ("localities", Bytes(localities))));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("localities: 4 added", run.Output, StringComparison.Ordinal);
        Assert.Equal("Sông Lam", world.Scalar<string>("SELECT name FROM localities WHERE code = 'song-lam'"));
    }

    [Fact]
    public async Task Quoted_fields_hold_delimiters_quotes_and_line_breaks_and_text_is_stored_in_nfc()
    {
        var decomposed = "Hội Nông dân".Normalize(NormalizationForm.FormD);
        var organizations = "code,name,name_en,scope,kind,field,locality,founded_on\r\n" +
            $"hoi-a,\"{decomposed}, xã \"\"An Lạc\"\"\",\"Farmers,\r\nAn Lac\",commune,assigned,economic,song-lam,05/09/2010\r\n";

        var run = await world.Import(world.Csv("files", ("localities", ImportWorld.Localities), ("organizations", organizations)));

        Assert.Equal(0, run.ExitCode);
        var name = world.Scalar<string>("SELECT name FROM organizations WHERE code = 'hoi-a'");
        Assert.Equal("Hội Nông dân, xã \"An Lạc\"", name);
        Assert.True(name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Farmers,\r\nAn Lac", world.Scalar<string>("SELECT name_en FROM organizations WHERE code = 'hoi-a'"));
        Assert.Equal("2010-09-05", world.Scalar<string>("SELECT founded_on FROM organizations WHERE code = 'hoi-a'"));
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_by_name()
    {
        var latin1 = Encoding.Latin1.GetBytes("code,name,level,unit_type,valid_from\nx,Hà,province,province,2020-01-01\n");

        var run = await world.Import(world.CsvBytes("files", ("localities", latin1)));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: localities.csv: the file is not UTF-8 text", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_csv_file_is_one_error()
    {
        var run = await world.Import(world.CsvBytes("files", ("localities", [])));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: localities.csv: the file is empty", run.Error, StringComparison.Ordinal);
    }
}
