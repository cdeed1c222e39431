using ReportEngine.Templates.Liquid;
using Scriban.Runtime;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>The party_terms filter: the committee's Vietnamese record in an edition's language, by the strings' table, never guessed.</summary>
public sealed class PartyTermsTests
{
    private static readonly ScriptObject English = Table(
        ("TỈNH ỦY", "PROVINCIAL PARTY COMMITTEE OF {}"),
        ("ĐẢNG ỦY XÃ", "PARTY COMMITTEE OF {} COMMUNE"),
        ("ĐẢNG ỦY", "PARTY COMMITTEE OF {}"),
        ("ĐẢNG BỘ HUYỆN", "PARTY ORGANISATION OF {} DISTRICT"),
        ("BÍ THƯ", "SECRETARY"),
        ("PHÓ BÍ THƯ", "DEPUTY SECRETARY"));

    [Theory]
    [InlineData("TỈNH ỦY BÌNH THUẬN", "PROVINCIAL PARTY COMMITTEE OF BÌNH THUẬN")]
    [InlineData("TỈNH UỶ BÌNH THUẬN", "PROVINCIAL PARTY COMMITTEE OF BÌNH THUẬN")] // the old tone-mark placement
    [InlineData("ĐẢNG BỘ HUYỆN TUY PHONG\nĐẢNG ỦY XÃ PHƯỚC THỂ", "PARTY ORGANISATION OF TUY PHONG DISTRICT\nPARTY COMMITTEE OF PHƯỚC THỂ COMMUNE")]
    [InlineData("ĐẢNG ỦY KHỐI CƠ QUAN", "PARTY COMMITTEE OF KHỐI CƠ QUAN")]
    [InlineData("PHÓ BÍ THƯ", "DEPUTY SECRETARY")]
    [InlineData("Phó Bí thư", "DEPUTY SECRETARY")]
    [InlineData("BÍ THƯ THƯỜNG TRỰC", "BÍ THƯ THƯỜNG TRỰC")] // a term without {} matches only a whole line: the rest is not dropped
    [InlineData("TRƯỞNG BAN TUYÊN GIÁO", "TRƯỞNG BAN TUYÊN GIÁO")] // no term: printed as stored
    public void Each_line_is_translated_by_its_longest_term_or_kept_as_stored(string stored, string printed) =>
        Assert.Equal(printed, PartyTerms.Translate(stored, English));

    private static ScriptObject Table(params (string Term, string Translation)[] pairs)
    {
        var table = new ScriptObject();
        foreach (var (term, translation) in pairs)
        {
            table.SetValue(term, translation, readOnly: false);
        }

        return table;
    }
}
