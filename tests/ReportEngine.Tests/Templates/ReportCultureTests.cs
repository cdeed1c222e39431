using ReportEngine.Templates.Liquid;

namespace ReportEngine.Tests.Templates;

public class ReportCultureTests
{
    [Theory]
    [InlineData("vi", "440.532")]
    [InlineData("en", "440,532")]
    [InlineData("pl", "440\u00A0532")]
    public void Numbers_group_thousands_the_way_the_language_does(string language, string expected) =>
        Assert.Equal(expected, ReportCulture.For(language).Number(440532L));

    [Theory]
    [InlineData("vi", "72,5%")]
    [InlineData("en", "72.5%")]
    public void Percentages_keep_the_requested_decimals(string language, string expected) =>
        Assert.Equal(expected, ReportCulture.For(language).Percent(72.5, 1));

    [Theory]
    [InlineData("vi", "31/08/2024")]
    [InlineData("en", "31 August 2024")]
    public void Dates_are_written_in_the_language(string language, string expected) =>
        Assert.Equal(expected, ReportCulture.For(language).Date("2024-08-31"));

    [Fact]
    public void Money_is_whole_dong() =>
        Assert.Equal("2.000.000.000 đ", ReportCulture.For("vi").Vnd(2_000_000_000L));

    [Fact]
    public void An_unknown_language_is_refused_with_the_supported_ones()
    {
        var error = Assert.Throws<ReportEngineException>(() => ReportCulture.For("fr"));
        Assert.Contains("vi, en, pl", error.Message, StringComparison.Ordinal);
    }
}
