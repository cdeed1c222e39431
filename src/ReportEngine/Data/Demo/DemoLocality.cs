namespace ReportEngine.Data.Demo;

/// <summary>A row of the localities table as the generator builds it.</summary>
internal sealed record DemoLocality(
    int Id,
    string Code,
    string Name,
    string Level,
    string UnitType,
    DemoLocality? Parent,
    string ValidFrom)
{
    public string? ValidTo { get; set; }

    public DemoLocality? MergedInto { get; set; }

    /// <summary>The name with its unit word, as used inside other names: "phường Mũi Né".</summary>
    public string TitledName => $"{LocalityCatalogue.UnitWord(UnitType)} {Name}";

    /// <summary>An English label for name_en: "Mui Ne Ward", "Tuy Phong District".</summary>
    public string EnglishName => $"{Slug.Ascii(Name)} " + UnitType switch
    {
        "province" => "Province",
        "city" => "City",
        "town" => "Town",
        "district" => "District",
        "ward" => "Ward",
        "township" => "Township",
        "special-zone" => "Special Zone",
        _ => "Commune",
    };
}
