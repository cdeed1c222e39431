using System.Globalization;

namespace ReportEngine.Tests.SecondProvince.Model;

/// <summary>
/// Four assessment years of activities (2021 to 2024), so a "previous year" column that counts all
/// history shows; activities held exactly on an as-of date and the day after; activities held away
/// from the organisation's own locality; and the Party committees' guiding documents.
/// </summary>
public static class QuangTriActivities
{
    public const int FirstYear = 2021;
    public const int LastYear = 2024;

    /// <summary>An organisation with no activity at all in assessment year 2024 (to be corrected).</summary>
    public const string IdleIn2024 = "Hội Luật gia tỉnh Quảng Trị";

    private static readonly string[] Kinds = ["consultation", "supervision", "supervision", "social_criticism", "seminar", "dialogue", "dialogue", "charity", "charity", "emulation_model"];

    public static IReadOnlyList<Activity> All(IReadOnlyList<Locality> localities, IReadOnlyList<Organization> organizations, Random random)
    {
        var list = new List<Activity>();
        void Add(string? organization, string locality, DateOnly held, string kind) =>
            list.Add(new Activity("qt-a" + (list.Count + 1).ToString("00000", CultureInfo.InvariantCulture), organization, locality, held, kind,
                Title(kind, held, list.Count), kind == "charity" ? random.Next(1, 400) * 500_000L : null));

        for (var year = FirstYear; year <= LastYear; year++)
        {
            var (from, to) = (new DateOnly(year - 1, 9, 1), new DateOnly(year, 8, 31));
            foreach (var organization in organizations)
            {
                var first = Max(from, organization.FoundedOn);
                var last = organization.DissolvedOn is { } dissolved ? Min(to, dissolved.AddDays(-1)) : to;
                if (first > last || (year == LastYear && organization.Name == IdleIn2024))
                {
                    continue;
                }

                // An organisation founded during the year always has an activity in it, so whether a
                // new organisation "without activity" belongs on the list is never the question; the
                // two whose membership falls are always active, so only their decline can list them.
                var count = organization.FoundedOn > from ? 1
                    : random.Next(10) == 0 && organization.Name is not (QuangTriOrganizations.SharpDecline or QuangTriOrganizations.DeclineOnThreshold) ? 0
                    : random.Next(1, 4);
                for (var i = 0; i < count; i++)
                {
                    Add(organization.Code, organization.Locality, QuangTriOrganizations.RandomDay(random, first, last), Kinds[random.Next(Kinds.Length)]);
                }
            }

            foreach (var unit in localities.Where(l => l.Level != "district" || l.Code == "qt-dong-ha"))
            {
                var last = unit.ValidTo is { } end ? Min(to, end.AddDays(-1)) : to;
                if (from <= last && (unit.Level != "commune" || random.Next(5) != 0))
                {
                    Add(null, unit.Code, QuangTriOrganizations.RandomDay(random, from, last), "guiding_document");
                }
            }
        }

        var byName = organizations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var redCross = byName["Hội Chữ thập đỏ tỉnh Quảng Trị"];
        var camLo = byName["Hội Chữ thập đỏ huyện Cam Lộ"];
        var gioLinh = byName["Hội Chữ thập đỏ huyện Gio Linh"];

        // On the window edges: 31 Aug belongs to the year it closes, 1 Sep to the next.
        foreach (var day in new DateOnly[] { new(2022, 8, 31), new(2022, 9, 1), new(2023, 8, 31), new(2023, 9, 1), new(2024, 8, 31) })
        {
            Add(redCross.Code, redCross.Locality, day, "charity");
            Add(camLo.Code, camLo.Locality, day, "dialogue");
        }

        // Held away from home: it counts where the organisation is registered, not where it was held
        // (two different kinds, so counting by the place held cannot come out even in Cam Lộ's report).
        Add(redCross.Code, "qt-gio-hai", new DateOnly(2024, 3, 15), "charity");
        Add(camLo.Code, "qt-dong-luong", new DateOnly(2024, 4, 2), "seminar");
        Add(gioLinh.Code, "qt-cam-chinh", new DateOnly(2024, 5, 20), "supervision");
        return list;
    }

    // Titles carry a comma, a quote and a line break now and then, for the CSV quoting.
    private static string Title(string kind, DateOnly held, int index) => (index % 7) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"Hội nghị \"Dân vận khéo\", {held.Year}"),
        3 => string.Create(CultureInfo.InvariantCulture, $"Đợt {kind}\nnăm {held.Year}"),
        _ => kind + " " + held.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture),
    };

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
