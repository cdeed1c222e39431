using ReportEngine.Layout.Rendering;

namespace ReportEngine.Layout;

/// <summary>
/// A document to render. <see cref="Create"/> keeps the composition callback; each generation runs it afresh,
/// so one <see cref="Document"/> may be generated several times, and different documents may be generated in
/// parallel on different threads.
/// </summary>
/// <example>
/// <code>
/// var document = Document.Create(doc =&gt;
/// {
///     doc.Page(page =&gt;
///     {
///         page.Size(PageSizes.A4);
///         page.Margin(50);
///         page.Content().Text("Xin chào");
///     });
/// });
/// document.GeneratePdf("hello.pdf");
/// </code>
/// </example>
public sealed class Document
{
    private readonly Action<DocumentDescriptor> compose;

    private Document(Action<DocumentDescriptor> compose)
    {
        this.compose = compose;
    }

    /// <summary>Pages of the most recent generation (0 before the first).</summary>
    public int PageCount { get; private set; }

    /// <summary>Creates a document from a composition callback.</summary>
    /// <param name="compose">Adds metadata, settings and page sets.</param>
    public static Document Create(Action<DocumentDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        return new Document(compose);
    }

    /// <summary>Writes the PDF to a stream, page by page as pages are finished (the stream need not seek).</summary>
    /// <param name="output">Where the PDF goes; left open.</param>
    /// <returns>The number of pages.</returns>
    /// <exception cref="LayoutException">Content can never fit (the message names the element).</exception>
    public int GeneratePdf(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var model = Compose();
        PageCount = DocumentRenderer.GeneratePdf(model, output);
        return PageCount;
    }

    /// <summary>Writes the PDF to a file (created or overwritten).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The number of pages.</returns>
    public int GeneratePdf(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return GeneratePdf(file);
    }

    /// <summary>Returns the PDF as bytes.</summary>
    public byte[] GeneratePdf()
    {
        using var memory = new MemoryStream();
        GeneratePdf(memory);
        return memory.ToArray();
    }

    /// <summary>
    /// Renders one page to a PNG (previews, visual tests). Layout is the same as in the PDF; the whole fonts
    /// are used, and links and outline are not shown.
    /// </summary>
    /// <param name="pageIndex">0-based page index.</param>
    /// <param name="dpi">Resolution: 72 gives one pixel per point.</param>
    public byte[] RenderPageToPng(int pageIndex, float dpi = 72)
    {
        if (dpi <= 0 || dpi > 1200)
        {
            throw new ArgumentOutOfRangeException(nameof(dpi));
        }

        return DocumentRenderer.RenderPageToPng(Compose(), pageIndex, dpi);
    }

    internal DocumentModel Compose()
    {
        var model = new DocumentModel();
        using (ComposeScope.Begin(model))
        {
            compose(new DocumentDescriptor(model));
        }

        if (model.Pages.Count == 0)
        {
            throw new InvalidOperationException("The document has no page set: call doc.Page(...) at least once.");
        }

        return model;
    }
}
