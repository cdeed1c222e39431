using ReportEngine.Layout.Rendering;

namespace ReportEngine.Layout.Infrastructure;

/// <summary>
/// A node of the layout tree. Measure is pure (may be called many times per page); Draw paints and
/// advances the element's progress, so a later Measure sees what is left for the next page.
/// </summary>
internal abstract class Element
{
    /// <summary>
    /// What elements draw on: the document's current canvas, switched per pass (and per page for previews) in one
    /// place rather than on every element.
    /// </summary>
    public ICanvas Canvas => Context is null ? NullCanvas.Instance : Context.Canvas;

    /// <summary>Set by the renderer before each pass: page numbers, locations, fonts of the document being rendered.</summary>
    public RenderContext Context { get; set; } = null!;

    /// <summary>Set when the tree is prepared; used to name an element's path in layout errors.</summary>
    public Element? Parent { get; set; }

    public abstract SpacePlan Measure(Size available);

    public abstract void Draw(Size available);

    /// <summary>Direct children, for tree walks (prepare, reset, error paths).</summary>
    public virtual IEnumerable<Element> Children => [];

    /// <summary>A short human name for error messages, e.g. <c>Text "Hội Chữ thập đỏ"</c>.</summary>
    public virtual string Describe() => GetType().Name.Replace("Element", "", StringComparison.Ordinal);
}

/// <summary>An element with one child slot; the fluent API fills the slot.</summary>
internal abstract class ContainerElement : Element, IContainer
{
    public Element Child { get; set; } = new EmptyElement();

    public override IEnumerable<Element> Children => [Child];

    public override SpacePlan Measure(Size available) => Child.Measure(available);

    public override void Draw(Size available) => Child.Draw(available);
}

/// <summary>Elements that remember progress across pages; the renderer resets them between passes.</summary>
internal interface IStateful
{
    void ResetState();
}

/// <summary>Takes no space; the default child of every container.</summary>
internal sealed class EmptyElement : Element
{
    public override SpacePlan Measure(Size available) => SpacePlan.Full(0, 0);

    public override void Draw(Size available)
    {
    }
}
