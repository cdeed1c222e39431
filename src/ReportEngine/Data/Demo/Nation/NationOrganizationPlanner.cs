using System.Globalization;
using System.Text;

namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// Plans some 40,000 organisations: 45–80 of province scope per province, a former district's
/// association in about half the communes, and about ten of commune scope per commune (by its
/// weight); their sizes make some fifteen million member rows. A few were founded or dissolved in
/// the last assessment year, a few lose members fast (the report asks the committee to correct
/// them), and a few commune organisations keep only yearly totals. The scale factor (1 = full size)
/// shrinks counts and sizes for tests; every unit keeps at least one organisation.
/// </summary>
internal sealed class NationOrganizationPlanner(Random random, double scale)
{
    private readonly List<NationOrganization> _planned = [];

    public List<NationOrganization> Plan(IReadOnlyList<NationLocality> localities)
    {
        foreach (var province in localities.Where(l => l.Level == "province"))
        {
            var count = Scaled(45 + random.Next(36), minimum: 2);
            for (var i = 0; i < count; i++)
            {
                Add(NationOrganizationNames.Province, i, province, "province", founded: (1975, 2020), size: 2000);
            }
        }

        foreach (var commune in localities.Where(l => l.Level == "commune"))
        {
            if (random.NextDouble() < 0.45)
            {
                Add(NationOrganizationNames.District, random.Next(NationOrganizationNames.District.Length), commune, "district", founded: (1985, 2020), size: 800);
            }

            var count = Scaled((int)Math.Round(commune.Weight * 10.2), minimum: 1);
            // Starting among the assigned kinds (listed first), so every commune has one the Party and State assigns tasks.
            var first = random.Next(NationOrganizationNames.Commune.Count(n => n.Kind == "assigned"));
            for (var i = 0; i < count; i++)
            {
                Add(NationOrganizationNames.Commune, first + i, commune, "commune", founded: (1990, 2024), size: 270);
            }
        }

        return _planned;
    }

    private int Scaled(int count, int minimum) => Math.Max(minimum, (int)Math.Round(count * scale));

    private void Add((string Name, string Kind, string Field)[] names, int index, NationLocality locality, string scope, (int From, int To) founded, int size)
    {
        var (name, kind, field) = names[index % names.Length];
        // The same association twice in a unit is a second branch: "... (2)".
        var round = index / names.Length;
        var fullName = $"{name} {locality.TitledName}" + (round > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({round + 1})") : "");
        var id = _planned.Count + 1;

        var fate = random.NextDouble();
        var foundedOn = NationCalendar.Between(random, NationCalendar.Day(founded.From, 1, 1), NationCalendar.Day(founded.To, 12, 31));
        int? dissolvedOn = null;
        if (fate < 0.02)
        {
            // New in the last assessment year.
            foundedOn = NationCalendar.Between(random, NationCalendar.AsOf2025 + 1, NationCalendar.AsOf2026);
        }
        else if (fate < 0.035)
        {
            // Dissolved in the last assessment year.
            dissolvedOn = NationCalendar.Between(random, Math.Max(foundedOn + 1, NationCalendar.AsOf2025 + 1), NationCalendar.AsOf2026);
        }
        else if (fate < 0.045)
        {
            // Dissolved before it.
            dissolvedOn = NationCalendar.Between(random, Math.Max(foundedOn + 1, NationCalendar.AsOf2023), NationCalendar.AsOf2025);
        }

        var members = Math.Max(1, (int)Math.Round(size * (0.3 + 1.4 * random.NextDouble()) * scale));
        var countsOnly = scope == "commune" && random.NextDouble() < 0.03;
        var declining = dissolvedOn is null && random.NextDouble() < 0.04;
        _planned.Add(new NationOrganization(id, string.Create(CultureInfo.InvariantCulture, $"vn-org-{id:D6}"),
            fullName.Normalize(NormalizationForm.FormC), scope, kind, field, locality, foundedOn, dissolvedOn, members, countsOnly, declining));
    }
}
