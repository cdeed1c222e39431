using System.Text;
using Microsoft.Data.Sqlite;

namespace ReportEngine.Data.Demo;

/// <summary>The localities of the demo dataset, as inserted.</summary>
internal sealed class DemoLocalities
{
    public required DemoLocality Province { get; init; }

    public required IReadOnlyList<DemoLocality> Districts { get; init; }

    /// <summary>The commune-level units that existed on 31 August 2024.</summary>
    public required IReadOnlyList<DemoLocality> Communes { get; init; }

    public required IReadOnlyList<DemoLocality> All { get; init; }

    /// <summary>Every unit a Party Standing Committee sat for on 31 August 2024.</summary>
    public IEnumerable<DemoLocality> ExistingIn2024 => [Province, .. Districts, .. Communes];

    public DemoLocality this[string code] => All.First(l => l.Code == code);
}

/// <summary>Builds Bình Thuận's units from the catalogue, models the 2025 reform, and inserts them.</summary>
internal static class LocalityWriter
{
    public static DemoLocalities Write(SqliteConnection connection, SqliteTransaction transaction)
    {
        var localities = Build();
        using var insert = new PreparedInsert(connection, transaction, "localities",
            "id", "code", "name", "level", "unit_type", "parent_id", "valid_from", "valid_to", "merged_into_id");
        foreach (var l in localities.All)
        {
            insert.Execute(l.Id, l.Code, l.Name.Normalize(NormalizationForm.FormC), l.Level, l.UnitType,
                l.Parent?.Id, l.ValidFrom, l.ValidTo, l.MergedInto?.Id);
        }

        return localities;
    }

    private static DemoLocalities Build()
    {
        var all = new List<DemoLocality>();
        DemoLocality Add(string code, string name, string level, string unitType, DemoLocality? parent, string validFrom)
        {
            var locality = new DemoLocality(all.Count + 1, code, name, level, unitType, parent, validFrom);
            all.Add(locality);
            return locality;
        }

        var reform = DemoCalendar.Text(DemoCalendar.Reform2025);
        var province = Add(LocalityCatalogue.ProvinceCode, LocalityCatalogue.ProvinceName, "province", "province", null, LocalityCatalogue.ProvinceValidFrom);
        var districts = new List<DemoLocality>();
        var communes = new List<DemoLocality>();
        foreach (var entry in LocalityCatalogue.Districts)
        {
            // Districts were abolished, not merged: their communes answer to the province directly.
            var district = Add(entry.Code, entry.Name, "district", entry.UnitType, province, entry.ValidFrom);
            district.ValidTo = reform;
            districts.Add(district);
            foreach (var commune in entry.Communes)
            {
                communes.Add(Add($"{entry.Code}-{Slug.From(commune.Name)}", commune.Name, "commune", commune.UnitType, district, entry.ValidFrom));
            }
        }

        var successor = Add(LocalityCatalogue.SuccessorCode, LocalityCatalogue.SuccessorName, "province", "province", null, reform);
        province.ValidTo = reform;
        province.MergedInto = successor;
        foreach (var merger in LocalityCatalogue.Mergers)
        {
            var merged = Add(merger.Code, merger.Name, "commune", merger.UnitType, successor, reform);
            foreach (var code in merger.MergedCodes)
            {
                var old = communes.Single(c => c.Code == code);
                old.ValidTo = reform;
                old.MergedInto = merged;
            }
        }

        if (all.Select(l => l.Code).Distinct(StringComparer.Ordinal).Count() != all.Count)
        {
            throw new InvalidOperationException("The locality catalogue produced duplicate codes.");
        }

        return new DemoLocalities { Province = province, Districts = districts, Communes = communes, All = all };
    }
}
