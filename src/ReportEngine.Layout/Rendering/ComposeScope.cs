namespace ReportEngine.Layout.Rendering;

/// <summary>
/// The document being composed on this thread, so fluent calls deep in the tree (headings, table of contents)
/// can register themselves without every descriptor carrying the model.
/// </summary>
internal sealed class ComposeScope : IDisposable
{
    [ThreadStatic]
    private static DocumentModel? current;

    private readonly DocumentModel? previous;

    private ComposeScope(DocumentModel model)
    {
        previous = current;
        current = model;
    }

    public static DocumentModel? Current => current;

    public static ComposeScope Begin(DocumentModel model) => new(model);

    public void Dispose() => current = previous;
}
