using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ReportEngine.Layout.Text.Hyphenation;
using ReportEngine.Tests.EndToEnd;
using ReportEngine.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace ReportEngine.Tests.OfficialDocument;

/// <summary>
/// Every shipped template, in every language, with the demo data: each word read back from the PDF (PdfPig,
/// upright text: table headers and cells, headings, paragraphs) is a word of the sources (the template's
/// strings and definition, the database's text, the culture's month and day names) or a number. A word broken
/// between letters shows up as fragments that are no source word ("Membe", "rs"); a hyphenated break is allowed
/// only where the language's hyphenation patterns put a point.
/// </summary>
[Collection(DemoGroup.Name)]
public class TypographyTests(DemoFixture demo)
{
    public static TheoryData<string, string> Reports => new()
    {
        { "annual-assessment", "vi" }, { "annual-assessment", "en" }, { "annual-assessment", "pl" },
        { "committee-report", "vi" }, { "committee-report", "en" }, { "committee-report", "pl" },
        { "organization-sheet", "vi" }, { "organization-sheet", "en" }, { "organization-sheet", "pl" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task No_word_is_broken_inside_and_hyphens_fall_on_dictionary_points(string template, string language)
    {
        using var output = new TempFolder();
        var pdf = await Render(template, language, output);
        var vocabulary = Vocabulary(template, language);
        var hyphenator = Hyphenator.For(language);

        var broken = new List<string>();
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().Where(w => w.TextOrientation == TextOrientation.Horizontal)
                .Select(w => w.Text.Normalize(NormalizationForm.FormC)).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                var letters = LetterRuns(words[i]).ToList();
                var unknown = letters.Where(l => !vocabulary.Contains(l)).ToList();
                if (unknown.Count == 0)
                {
                    continue;
                }

                // "Organi-" then "zations": one source word cut at a dictionary point.
                if (words[i].EndsWith('-') && i + 1 < words.Count && hyphenator is not null)
                {
                    var head = letters[^1];
                    var tail = LetterRuns(words[i + 1]).FirstOrDefault() ?? "";
                    var whole = head + tail;
                    if (vocabulary.Contains(whole) && hyphenator.Points(whole).Contains(head.Length))
                    {
                        i++;
                        continue;
                    }
                }

                broken.Add($"page {page.Number}: \"{words[i]}\"");
            }
        }

        Assert.True(broken.Count == 0, $"{template} ({language}): words not in the sources, broken inside:\n" + string.Join('\n', broken.Take(40)));
    }

    private async Task<string> Render(string template, string language, TempFolder output)
    {
        if (template == "annual-assessment")
        {
            return demo.Pdf(language);
        }

        string[] parameters = template == "committee-report"
            ? ["--set", "locality=phan-thiet-mui-ne", "--set", "year=2024"]
            : ["--set", "organization=binh-thuan-hoi-luat-gia", "--set", "year=2024"];
        var run = await CliRun.Invoke(["run", template, .. parameters, "--lang", language, "--out", output.Path, "--db", demo.Database,
            "--archive", output.File("archive")]);
        Assert.True(run.ExitCode == 0, run.Error);
        return run.OutputLines[0];
    }

    /// <summary>Lower-case letter runs (letters and their combining marks) of the text.</summary>
    private static IEnumerable<string> LetterRuns(string text)
    {
        var run = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                run.Append(char.ToLowerInvariant(c));
            }
            else if (run.Length > 0)
            {
                yield return run.ToString();
                run.Clear();
            }
        }

        if (run.Length > 0)
        {
            yield return run.ToString();
        }
    }

    private HashSet<string> Vocabulary(string template, string language)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        void Add(string? text)
        {
            if (text is not null)
            {
                words.UnionWith(LetterRuns(text));
            }
        }

        var directory = Path.Combine(RepositoryPaths.Templates, template);
        Add(File.ReadAllText(Path.Combine(directory, $"strings.{language}.yaml")));
        Add(File.ReadAllText(Path.Combine(directory, "template.yaml")));

        var culture = CultureInfo.GetCultureInfo(language);
        foreach (var name in culture.DateTimeFormat.MonthNames.Concat(culture.DateTimeFormat.MonthGenitiveNames).Concat(culture.DateTimeFormat.DayNames))
        {
            Add(name);
        }

        // The engine's own abbreviation after amounts in đồng (ReportCulture.Vnd).
        Add("đ");

        // The database's text (names of organisations, localities, committees, activities); not the members.
        using var connection = new SqliteConnection($"Data Source={demo.Database};Mode=ReadOnly");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('members')";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    Add(reader.GetValue(c) as string);
                }
            }
        }

        return words;
    }
}
