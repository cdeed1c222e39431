using ReportEngine.Layout.Elements;
using ReportEngine.Layout.Rendering;

namespace ReportEngine.Layout;

/// <summary>Composes a document: metadata, settings and one or more page sets.</summary>
public sealed class DocumentDescriptor
{
    private readonly DocumentModel model;

    internal DocumentDescriptor(DocumentModel model)
    {
        this.model = model;
    }

    /// <summary>Sets the document information (title, author, dates, language…).</summary>
    public DocumentDescriptor Metadata(DocumentMetadata metadata)
    {
        model.Metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        return this;
    }

    /// <summary>Sets generation settings (PDF/A, limits).</summary>
    public DocumentDescriptor Settings(DocumentSettings settings)
    {
        model.Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        return this;
    }

    /// <summary>
    /// Adds a page set: pages sharing size, margins, header and footer, over which the content flows.
    /// Several page sets follow each other (e.g. a cover, then the body in landscape).
    /// </summary>
    public DocumentDescriptor Page(Action<PageDescriptor> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var page = new PageElement { Index = model.Pages.Count + 1 };
        configure(new PageDescriptor(page));
        model.Pages.Add(page);
        return this;
    }
}
