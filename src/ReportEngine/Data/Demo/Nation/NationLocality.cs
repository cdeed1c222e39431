namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// A province or commune-level unit of the nation data. Weight is a relative population: a
/// commune's organisations, members and eligible populations scale with it.
/// </summary>
internal sealed record NationLocality(int Id, string Code, string Name, string Level, string UnitType, NationLocality? Parent, double Weight)
{
    /// <summary>The name with its unit word, as used inside other names: "xã Phú Hòa", "tỉnh Nghệ An".</summary>
    public string TitledName => UnitType switch
    {
        "province" => "tỉnh " + Name,
        "city" => "thành phố " + Name,
        "ward" => "phường " + Name,
        "special-zone" => "đặc khu " + Name,
        _ => "xã " + Name,
    };

    /// <summary>The province a unit is in (a province is its own).</summary>
    public NationLocality Province => Parent ?? this;
}
