using ReportEngine.Tests.SecondProvince.Model;

namespace ReportEngine.Tests.SecondProvince.Expected;

/// <summary>
/// The spec's locality rules, read straight from the rows: which unit stands for a locality on a
/// date (itself while valid; once ended, its merged_into or else its parent, repeated), that unit's
/// parent on the date, and so the area of a report and the unit directly under its locality.
/// </summary>
public sealed class LocalityTree(IReadOnlyList<Locality> localities)
{
    private readonly Dictionary<string, Locality> _byCode = localities.ToDictionary(l => l.Code, StringComparer.Ordinal);

    public Locality this[string code] => _byCode[code];

    public IEnumerable<Locality> All => localities;

    /// <summary>The valid unit that stands for the locality on the day, or null if it starts later.</summary>
    public Locality? UnitOn(string code, DateOnly day)
    {
        for (var locality = _byCode[code]; ;)
        {
            if (locality.IsValidOn(day))
            {
                return locality;
            }

            if (locality.ValidFrom > day || (locality.MergedInto ?? locality.Parent) is not { } next)
            {
                return null;
            }

            locality = _byCode[next];
        }
    }

    public Locality? ParentOn(Locality unit, DateOnly day) => unit.Parent is { } parent ? UnitOn(parent, day) : null;

    /// <summary>
    /// The unit directly under the report's locality that the locality belongs to on the day; the
    /// report's locality itself for its own registrations; null outside the area.
    /// </summary>
    public Locality? UnitUnder(string report, string code, DateOnly day)
    {
        Locality? below = null;
        for (var unit = UnitOn(code, day); unit is not null; below = unit, unit = ParentOn(unit, day))
        {
            if (unit.Code == report)
            {
                return below ?? unit;
            }
        }

        return null;
    }

    public bool InArea(string report, string code, DateOnly day) => UnitUnder(report, code, day) is not null;
}
