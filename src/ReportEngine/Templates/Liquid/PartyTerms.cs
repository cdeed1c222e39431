using System.Text;
using Scriban.Runtime;

namespace ReportEngine.Templates.Liquid;

/// <summary>
/// The filter party_terms: a committee's Party-document values are stored once, in Vietnamese (issuing body, signer's
/// authority and position); an English or Polish edition prints them through the strings' table of 36-HD/VPTW's
/// terms (t.party_terms). Each line of the value is matched against the table's terms, longest first: a term that is
/// the whole line is replaced by its translation; a term that starts the line (then a space) is replaced when its
/// translation has "{}", which stands for the rest of the line, a place's name kept as stored ("TỈNH ỦY BÌNH THUẬN":
/// "PROVINCIAL PARTY COMMITTEE OF BÌNH THUẬN"). A line no term matches is printed as stored: a title is never guessed.
/// </summary>
internal static class PartyTerms
{
    public static string Translate(object? value, object? terms)
    {
        var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        if (terms is not ScriptObject table || text.Length == 0)
        {
            return text;
        }

        var pairs = table.Keys
            .Select(k => (Term: Canonical(k), Translation: table.TryGetValue(null!, default, k, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "" : ""))
            .Where(p => p.Term.Length > 0 && p.Translation.Length > 0)
            .OrderByDescending(p => p.Term.Length)
            .ToList();
        return string.Join('\n', text.Split('\n').Select(line => Line(line.Trim(), pairs)));
    }

    private static string Line(string line, List<(string Term, string Translation)> pairs)
    {
        var canonical = Canonical(line);
        foreach (var (term, translation) in pairs)
        {
            if (canonical == term)
            {
                return translation.Replace("{}", "", StringComparison.Ordinal).Trim();
            }

            if (translation.Contains("{}", StringComparison.Ordinal) && canonical.StartsWith(term + " ", StringComparison.Ordinal))
            {
                return translation.Replace("{}", line[(term.Length + 1)..].Trim(), StringComparison.Ordinal);
            }
        }

        return line;
    }

    /// <summary>
    /// Upper case in NFC with the tone mark on the vowel the new rule puts it on: "UỶ" (old placement) and "ỦY" are
    /// one word in the register's eyes, and both are in use. Length is kept, so a prefix's length is the stored one's.
    /// </summary>
    private static string Canonical(string text) =>
        text.Normalize(NormalizationForm.FormC).ToUpperInvariant().Replace("UỶ", "ỦY", StringComparison.Ordinal).Trim();
}
