using ReportEngine.Layout.Elements;

namespace ReportEngine.Layout.Rendering;

/// <summary>A composed document: its page sets (element trees), metadata and settings. Built fresh per generation.</summary>
internal sealed class DocumentModel
{
    public DocumentMetadata Metadata { get; set; } = new();

    public DocumentSettings Settings { get; set; } = new();

    public List<PageElement> Pages { get; } = [];

    /// <summary>Headings in composition order: the table of contents lists them.</summary>
    public List<HeadingInfo> Headings { get; } = [];
}

/// <summary>A heading as composed: level, title and the location name its links and outline entry point at.</summary>
internal sealed record HeadingInfo(int Level, string Title, string LocationName);
