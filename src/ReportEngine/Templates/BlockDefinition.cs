namespace ReportEngine.Templates;

/// <summary>
/// One block of a template's layout. Text properties are Liquid, rendered against
/// p (parameters), q (query results) and t (the language's strings).
/// </summary>
public sealed class BlockDefinition
{
    /// <summary>cover, party-heading, signature, contents, heading, paragraph, key-figures, table, chart, repeat, appendix or page-break.</summary>
    public string Type { get; set; } = "";

    /// <summary>A Liquid condition (e.g. "q.needs_correction.size > 0"); the block is left out when it is false.</summary>
    public string? ShowIf { get; set; }

    /// <summary>For repeat: the blocks drawn once per row of the query, each seeing that row as "row".</summary>
    public List<BlockDefinition> Blocks { get; set; } = [];

    /// <summary>Inside a repeat: keep only this query's rows whose column "where" equals the repeated row's column "key".</summary>
    public string? Where { get; set; }

    /// <summary>For repeat: the column of the repeated rows matched by the inner blocks' "where".</summary>
    public string? Key { get; set; }

    /// <summary>For tables: a column whose change starts a new group, closed by a subtotal row.</summary>
    public string? GroupBy { get; set; }

    /// <summary>For tables with group-by: Liquid label of the subtotal row; "group" holds the group's value.</summary>
    public string? Subtotal { get; set; }

    public int Level { get; set; } = 1;

    public string? Text { get; set; }

    public string? Title { get; set; }

    public string? Subtitle { get; set; }

    public List<string> Lines { get; set; } = [];

    /// <summary>For party-heading: the number and symbol line ("Số 123-BC/TU").</summary>
    public string? Number { get; set; }

    /// <summary>For party-heading: the place and date line ("Đà Lạt, ngày 05 tháng 9 năm 2024").</summary>
    public string? PlaceDate { get; set; }

    /// <summary>For signature: the signer's authority ("T/M BAN THƯỜNG VỤ").</summary>
    public string? Authority { get; set; }

    /// <summary>For signature: the signer's position ("PHÓ BÍ THƯ").</summary>
    public string? Position { get; set; }

    /// <summary>For signature: the signer's name.</summary>
    public string? Signer { get; set; }

    /// <summary>The query whose rows a table lists.</summary>
    public string? Query { get; set; }

    public List<KeyFigureDefinition> Items { get; set; } = [];

    public List<ColumnDefinition> Columns { get; set; } = [];

    /// <summary>For charts: bar, stacked-bar, line or pie.</summary>
    public string? Chart { get; set; }

    /// <summary>For charts: the column whose values name the categories (x axis, pie slices).</summary>
    public string? Category { get; set; }

    /// <summary>For charts: the strings section translating category values (like a label column's labels).</summary>
    public string? Labels { get; set; }

    /// <summary>For charts: the numeric columns drawn, each with its Liquid legend label.</summary>
    public List<SeriesDefinition> Series { get; set; } = [];

    /// <summary>For charts: height in points.</summary>
    public float Height { get; set; } = 220;

    /// <summary>For tables: Liquid text drawn as a paragraph instead of the table when the query returns no rows.</summary>
    public string? Empty { get; set; }

    /// <summary>Liquid label of a totals row summing the numeric columns marked total: true.</summary>
    public string? Totals { get; set; }
}

public sealed class KeyFigureDefinition
{
    public string Label { get; set; } = "";

    public string Value { get; set; } = "";

    public string? Note { get; set; }
}

public sealed class ColumnDefinition
{
    public string Header { get; set; } = "";

    /// <summary>Column of the query's rows shown in this column.</summary>
    public string Field { get; set; } = "";

    /// <summary>text, number, percent, vnd, date, or label (looks up t[labels][value]).</summary>
    public string Format { get; set; } = "text";

    /// <summary>For format: label, the strings section holding the labels.</summary>
    public string? Labels { get; set; }

    public int Decimals { get; set; }

    /// <summary>Relative width: a share of what is left after the fixed-width columns.</summary>
    public float Width { get; set; } = 1;

    /// <summary>Fixed width in points; wins over width.</summary>
    public float? Points { get; set; }

    /// <summary>left, center or right. Numbers default to right.</summary>
    public string? Align { get; set; }

    public bool Total { get; set; }

    /// <summary>Text colour by the cell's raw value, e.g. { not_achieved: "#C00000" } (conditional style).</summary>
    public Dictionary<string, string> Colors { get; set; } = [];
}

public sealed class SeriesDefinition
{
    public string Field { get; set; } = "";

    public string Label { get; set; } = "";

    /// <summary>Hex colour; a palette colour when empty.</summary>
    public string? Color { get; set; }
}
