using ReportEngine.Web.Text;

namespace ReportEngine.Tests.Web;

/// <summary>Every console string exists in Vietnamese and in English: a page never shows "[key]".</summary>
public sealed class ConsoleStringsTests
{
    [Fact]
    public void Every_key_is_in_both_languages()
    {
        var vi = ConsoleStrings.Embedded.ByLanguage[ConsoleLanguages.Vietnamese].Keys.ToHashSet();
        var en = ConsoleStrings.Embedded.ByLanguage[ConsoleLanguages.English].Keys.ToHashSet();

        Assert.Contains("layout.nav.runs", vi);
        Assert.Empty(vi.Except(en).Order());
        Assert.Empty(en.Except(vi).Order());
    }

    [Fact]
    public void No_string_is_empty()
    {
        var empty = ConsoleStrings.Embedded.ByLanguage.SelectMany(l => l.Value.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => $"{l.Key}:{s.Key}"));
        Assert.Empty(empty);
    }
}
