using System.Text;

namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// Builds the 34 provinces (ids 1–34) and their 3,321 commune-level units (ids 35–3,355), with
/// invented but Vietnamese-looking names for the communes and wards (two syllables, unique within
/// their province) and the real special zones. Deterministic from the random generator given.
/// </summary>
internal static class NationLocalities
{
    private static readonly string[] Syllables =
    [
        "An", "Bình", "Phú", "Tân", "Hòa", "Long", "Thạnh", "Mỹ", "Đông", "Tây", "Nam", "Bắc", "Xuân", "Phước",
        "Hưng", "Thuận", "Lợi", "Sơn", "Hải", "Trung", "Quang", "Vĩnh", "Thái", "Hiệp", "Lộc", "Thịnh", "Đức",
        "Hà", "Minh", "Khánh", "Định", "Phong", "Thủy", "Lâm", "Cát", "Tiến", "Nghĩa", "Hồng", "Quế", "Yên",
    ];

    /// <summary>The provinces first (in catalogue order), then each province's units in turn.</summary>
    public static List<NationLocality> Build(Random random)
    {
        var provinces = new List<NationLocality>();
        for (var i = 0; i < NationProvinces.All.Length; i++)
        {
            var p = NationProvinces.All[i];
            provinces.Add(new NationLocality(i + 1, Slug.From(p.Name), Nfc(p.Name), "province", p.UnitType, null, 0));
        }

        var all = new List<NationLocality>(provinces);
        for (var i = 0; i < provinces.Count; i++)
        {
            var province = provinces[i];
            var definition = NationProvinces.All[i];
            var wardShare = definition.UnitType == "city" ? 0.45 : 0.12;
            var codes = new HashSet<string>(StringComparer.Ordinal);
            var count = NationProvinces.Communes(i);
            for (var n = 0; n < count; n++)
            {
                var zone = n < definition.SpecialZones.Length ? definition.SpecialZones[n] : null;
                var name = zone ?? UniqueName(random, codes);
                codes.Add(Slug.From(name));
                var type = zone is not null ? "special-zone" : random.NextDouble() < wardShare ? "ward" : "commune";
                // Wards are denser than communes, special zones small islands.
                var weight = type switch { "ward" => 1.4, "special-zone" => 0.3, _ => 1.0 } * (0.5 + random.NextDouble());
                all.Add(new NationLocality(all.Count + 1, province.Code + "-" + Slug.From(name), Nfc(name), "commune", type, province, weight));
            }
        }

        return all;
    }

    /// <summary>Two different syllables whose code is not yet taken in the province (codes must be unique).</summary>
    private static string UniqueName(Random random, HashSet<string> takenCodes)
    {
        while (true)
        {
            var first = Syllables[random.Next(Syllables.Length)];
            var second = Syllables[random.Next(Syllables.Length)];
            if (first == second)
            {
                continue;
            }

            var name = first + " " + second;
            if (!takenCodes.Contains(Slug.From(name)))
            {
                return name;
            }
        }
    }

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
