namespace ReportEngine.Layout;

/// <summary>
/// The PDF's document information. Dates are written as given: fix them (do not use "now") and the same
/// document renders to byte-identical files.
/// </summary>
public sealed class DocumentMetadata
{
    /// <summary>Document title (also shown by viewers in the title bar).</summary>
    public string? Title { get; init; }

    /// <summary>Author.</summary>
    public string? Author { get; init; }

    /// <summary>Subject.</summary>
    public string? Subject { get; init; }

    /// <summary>Keywords, comma separated.</summary>
    public string? Keywords { get; init; }

    /// <summary>Natural language as a BCP 47 tag, e.g. "vi-VN" (written to the catalog's /Lang).</summary>
    public string? Language { get; init; }

    /// <summary>The application that created the content; defaults to "ReportEngine".</summary>
    public string? Creator { get; init; }

    /// <summary>The producing library; defaults to "ReportEngine.Layout".</summary>
    public string? Producer { get; init; }

    /// <summary>Creation date; null writes none.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>Modification date; null uses <see cref="CreationDate"/>.</summary>
    public DateTimeOffset? ModifiedDate { get; init; }
}

/// <summary>Generation settings.</summary>
public sealed class DocumentSettings
{
    /// <summary>
    /// Writes PDF/A-2b (archival): XMP metadata equal to the document information, an sRGB output intent and a
    /// document id derived from the content, so output stays byte-identical between runs with fixed dates.
    /// </summary>
    public bool PdfA { get; init; }

    /// <summary>A safety limit: layout stops with a <see cref="LayoutException"/> beyond this many pages.</summary>
    public int MaxPages { get; init; } = 1_000_000;
}
