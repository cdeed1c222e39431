using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Elements;

/// <summary>
/// One page set (a <c>doc.Page(...)</c> block): page size, margins, background, and the header and footer
/// repeated on every page around the content, which flows over as many pages as it needs.
/// </summary>
internal sealed class PageElement : Element
{
    public float Width { get; set; } = PageSizes.A4.Width;
    public float Height { get; set; } = PageSizes.A4.Height;
    public float MarginLeft { get; set; }
    public float MarginTop { get; set; }
    public float MarginRight { get; set; }
    public float MarginBottom { get; set; }
    public Color? BackgroundColor { get; set; }

    /// <summary>The page set's default text style (inherits from <see cref="TextStyle.Default"/>).</summary>
    public TextStyle DefaultStyle { get; set; } = TextStyle.Inherit;

    /// <summary>1-based position among the document's page sets, for error messages.</summary>
    public int Index { get; set; }

    public RepeatElement Header { get; } = new();
    public Element Content { get; set; } = new SlotElement();
    public RepeatElement Footer { get; } = new();

    public override IEnumerable<Element> Children => [Header, Content, Footer];

    /// <summary>Height of content the last measure placed: zero on pages that only break.</summary>
    public float LastContentHeight { get; private set; }

    public Size InnerSize => new(Width - MarginLeft - MarginRight, Height - MarginTop - MarginBottom);

    public override SpacePlan Measure(Size available)
    {
        var inner = InnerSize;
        var header = Header.Measure(inner);
        if (header.Kind is SpacePlanKind.Wrap or SpacePlanKind.Partial)
        {
            return SpacePlan.Wrap(header.Culprit ?? Header);
        }

        var footer = Footer.Measure(new Size(inner.Width, inner.Height - header.Height));
        if (footer.Kind is SpacePlanKind.Wrap or SpacePlanKind.Partial)
        {
            return SpacePlan.Wrap(footer.Culprit ?? Footer);
        }

        var room = new Size(inner.Width, inner.Height - header.Height - footer.Height);
        Context.ContentAreaSize = room;
        var content = Content.Measure(room);
        LastContentHeight = content.Height;
        return content.IsWrap ? content : content.Kind == SpacePlanKind.Partial ? SpacePlan.Partial(Width, Height) : SpacePlan.Full(Width, Height);
    }

    public override void Draw(Size available)
    {
        if (BackgroundColor is { } background)
        {
            Canvas.FillRectangle(0, 0, Width, Height, background);
        }

        var inner = InnerSize;
        var header = Header.Measure(inner);
        var footer = Footer.Measure(new Size(inner.Width, inner.Height - header.Height));
        var room = new Size(inner.Width, inner.Height - header.Height - footer.Height);
        Context.ContentAreaSize = room;
        Canvas.Translate(MarginLeft, MarginTop);
        Header.Draw(new Size(inner.Width, header.Height));
        Canvas.Translate(0, header.Height);
        Content.Draw(room);
        Canvas.Translate(0, room.Height);
        Footer.Draw(new Size(inner.Width, footer.Height));
        Canvas.Translate(-MarginLeft, -(MarginTop + header.Height + room.Height));
    }

    public override string Describe() => $"Page set {Index}";
}

/// <summary>A plain container for named slots (page content), so error paths read "Content > …".</summary>
internal sealed class SlotElement : ContainerElement
{
    public string Name { get; init; } = "Content";

    public override string Describe() => Name;
}
