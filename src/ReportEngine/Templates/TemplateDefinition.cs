namespace ReportEngine.Templates;

/// <summary>The contents of a template's template.yaml, as written by an admin.</summary>
public sealed class TemplateDefinition
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>String key of the document title (also the PDF's Title metadata).</summary>
    public string Title { get; set; } = "title";

    public Dictionary<string, ParameterDefinition> Parameters { get; set; } = [];

    public Dictionary<string, QueryDefinition> Queries { get; set; } = [];

    public PageDefinition Page { get; set; } = new();

    /// <summary>Set for official documents (the reports a committee issues): each run takes a number; null for sheets and tests.</summary>
    public DocumentDefinition? Document { get; set; }

    public List<BlockDefinition> Layout { get; set; } = [];
}

public sealed class ParameterDefinition
{
    /// <summary>int, string, date (yyyy-MM-dd) or locality (a locality code that must exist).</summary>
    public string Type { get; set; } = "string";

    /// <summary>A literal, or Liquid over the parameters declared above it, e.g. "{{ year }}-08-31".
    /// The word last-closed-year means the latest assessment year whose 31 August has passed, and
    /// previous-year the year before the current one (both in Asia/Ho_Chi_Minh).</summary>
    public string? Default { get; set; }

    public int? Min { get; set; }

    public int? Max { get; set; }

    public string Description { get; set; } = "";
}

public sealed class QueryDefinition
{
    /// <summary>Path of the .sql file, relative to the template folder.</summary>
    public string File { get; set; } = "";

    /// <summary>True when the query returns exactly one row, exposed as an object rather than a list.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "single")]
    public bool SingleRow { get; set; }
}

public sealed class DocumentDefinition
{
    /// <summary>The document type's abbreviation in the number, per 36-HD/VPTW: BC (báo cáo) gives "123-BC/TU".</summary>
    public string Type { get; set; } = "";
}

public sealed class PageDefinition
{
    public string Size { get; set; } = "A4";

    public float Margin { get; set; } = 50;

    public float FontSize { get; set; } = 10;

    /// <summary>Margins in millimetres (top, right, bottom, left); when set they replace <see cref="Margin"/>.</summary>
    public MarginsDefinition? MarginsMm { get; set; }

    /// <summary>sans (DejaVu Sans, the default) or serif (Liberation Serif, metric-compatible with Times New Roman).</summary>
    public string Font { get; set; } = "sans";

    /// <summary>
    /// report (default: the running header and "page N / M" footer) or party (a Party document, Guidance 36-HD/VPTW:
    /// no running header; the page number alone, top centre, from the second page).
    /// </summary>
    public string Style { get; set; } = "report";

    /// <summary>Liquid text of the running header (not shown on the cover).</summary>
    public string Header { get; set; } = "";
}

public sealed class MarginsDefinition
{
    public float Top { get; set; }

    public float Right { get; set; }

    public float Bottom { get; set; }

    public float Left { get; set; }
}
