using ReportEngine.Layout.Elements;
using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout;

/// <summary>Decorations and layout rules for any <see cref="IContainer"/>; each returns the slot inside it.</summary>
public static partial class ContainerExtensions
{
    /// <summary>Puts an element in the slot; a slot takes one piece of content only.</summary>
    internal static T Element<T>(this IContainer container, T element) where T : Element
    {
        ArgumentNullException.ThrowIfNull(container);
        if (container is not ContainerElement slot)
        {
            throw new ArgumentException("This container was not created by ReportEngine.Layout.", nameof(container));
        }

        if (slot.Child is not EmptyElement)
        {
            throw new InvalidOperationException($"This slot ({slot.Describe()}) already has content; use a Column to stack several items.");
        }

        slot.Child = element;
        return element;
    }

    /// <summary>Adds space on all four sides, in points.</summary>
    public static IContainer Padding(this IContainer container, float all) => container.Padding(all, all, all, all);

    /// <summary>Adds space on the left and right.</summary>
    public static IContainer PaddingHorizontal(this IContainer container, float value) => container.Padding(value, 0, value, 0);

    /// <summary>Adds space above and below.</summary>
    public static IContainer PaddingVertical(this IContainer container, float value) => container.Padding(0, value, 0, value);

    /// <summary>Adds space above.</summary>
    public static IContainer PaddingTop(this IContainer container, float value) => container.Padding(0, value, 0, 0);

    /// <summary>Adds space below.</summary>
    public static IContainer PaddingBottom(this IContainer container, float value) => container.Padding(0, 0, 0, value);

    /// <summary>Adds space on the left.</summary>
    public static IContainer PaddingLeft(this IContainer container, float value) => container.Padding(value, 0, 0, 0);

    /// <summary>Adds space on the right.</summary>
    public static IContainer PaddingRight(this IContainer container, float value) => container.Padding(0, 0, value, 0);

    /// <summary>Adds space on each side, in points.</summary>
    public static IContainer Padding(this IContainer container, float left, float top, float right, float bottom) =>
        container.Element(new PaddingElement { Left = left, Top = top, Right = right, Bottom = bottom });

    /// <summary>Draws a border of the given thickness (points) around the content's box.</summary>
    public static IContainer Border(this IContainer container, float thickness, Color? color = null) =>
        container.Element(new BorderElement { Left = thickness, Top = thickness, Right = thickness, Bottom = thickness, Color = color ?? Colors.Black });

    /// <summary>Draws a line above the content.</summary>
    public static IContainer BorderTop(this IContainer container, float thickness, Color? color = null) =>
        container.Element(new BorderElement { Top = thickness, Color = color ?? Colors.Black });

    /// <summary>Draws a line below the content.</summary>
    public static IContainer BorderBottom(this IContainer container, float thickness, Color? color = null) =>
        container.Element(new BorderElement { Bottom = thickness, Color = color ?? Colors.Black });

    /// <summary>Draws a line left of the content.</summary>
    public static IContainer BorderLeft(this IContainer container, float thickness, Color? color = null) =>
        container.Element(new BorderElement { Left = thickness, Color = color ?? Colors.Black });

    /// <summary>Draws a line right of the content.</summary>
    public static IContainer BorderRight(this IContainer container, float thickness, Color? color = null) =>
        container.Element(new BorderElement { Right = thickness, Color = color ?? Colors.Black });

    /// <summary>Fills the content's box with a colour.</summary>
    public static IContainer Background(this IContainer container, Color color) =>
        container.Element(new BackgroundElement { Color = color });

    /// <summary>Places the content at its natural width on the left.</summary>
    public static IContainer AlignLeft(this IContainer container) => container.Align(0, null);

    /// <summary>Centres the content horizontally at its natural width.</summary>
    public static IContainer AlignCenter(this IContainer container) => container.Align(0.5f, null);

    /// <summary>Places the content at its natural width against the right edge.</summary>
    public static IContainer AlignRight(this IContainer container) => container.Align(1, null);

    /// <summary>Places the content at the top of its box.</summary>
    public static IContainer AlignTop(this IContainer container) => container.Align(null, 0);

    /// <summary>Centres the content vertically in its box.</summary>
    public static IContainer AlignMiddle(this IContainer container) => container.Align(null, 0.5f);

    /// <summary>Places the content at the bottom of its box.</summary>
    public static IContainer AlignBottom(this IContainer container) => container.Align(null, 1);

    private static AlignmentElement Align(this IContainer container, float? horizontal, float? vertical)
    {
        // Chained alignments (AlignRight().AlignMiddle()) merge into one element.
        if (container is AlignmentElement existing && existing.Child is EmptyElement)
        {
            existing.Horizontal = horizontal ?? existing.Horizontal;
            existing.Vertical = vertical ?? existing.Vertical;
            return existing;
        }

        return container.Element(new AlignmentElement { Horizontal = horizontal, Vertical = vertical });
    }

    /// <summary>Gives the content exactly this width (points).</summary>
    public static IContainer Width(this IContainer container, float width) => container.Element(new ConstrainedElement { MinWidth = width, MaxWidth = width });

    /// <summary>Gives the content at least this width.</summary>
    public static IContainer MinWidth(this IContainer container, float width) => container.Element(new ConstrainedElement { MinWidth = width });

    /// <summary>Gives the content at most this width.</summary>
    public static IContainer MaxWidth(this IContainer container, float width) => container.Element(new ConstrainedElement { MaxWidth = width });

    /// <summary>Gives the content exactly this height (points). Taller than a page, it is a layout error.</summary>
    public static IContainer Height(this IContainer container, float height) => container.Element(new ConstrainedElement { MinHeight = height, MaxHeight = height });

    /// <summary>Gives the content at least this height.</summary>
    public static IContainer MinHeight(this IContainer container, float height) => container.Element(new ConstrainedElement { MinHeight = height });

    /// <summary>Gives the content at most this height.</summary>
    public static IContainer MaxHeight(this IContainer container, float height) => container.Element(new ConstrainedElement { MaxHeight = height });

    /// <summary>Sizes the content to the available width and width ÷ <paramref name="ratio"/> high.</summary>
    public static IContainer AspectRatio(this IContainer container, float ratio) =>
        ratio > 0 ? container.Element(new AspectRatioElement { Ratio = ratio }) : throw new ArgumentOutOfRangeException(nameof(ratio));

    /// <summary>Ends the page here: what follows starts on a new page.</summary>
    public static void PageBreak(this IContainer container) => container.Element(new PageBreakElement());

    /// <summary>Moves the content to the next page if it would split here but fits whole on a page; taller content splits.</summary>
    public static IContainer KeepTogether(this IContainer container) => container.Element(new KeepTogetherElement());

    /// <summary>Starts the content on a new page if less than <paramref name="height"/> points are left here and it would split.</summary>
    public static IContainer EnsureSpace(this IContainer container, float height = 150) => container.Element(new EnsureSpaceElement { MinHeight = height });

    /// <summary>Shows the content on the first page it appears on only (e.g. in a header).</summary>
    public static IContainer ShowOnce(this IContainer container) => container.Element(new ShowOnceElement());

    /// <summary>Hides the content on the first page it appears on, shows it on the following ones.</summary>
    public static IContainer SkipOnce(this IContainer container) => container.Element(new SkipOnceElement());

    /// <summary>Sets the text style inherited by text inside.</summary>
    public static IContainer DefaultTextStyle(this IContainer container, Func<TextStyle, TextStyle> style)
    {
        ArgumentNullException.ThrowIfNull(style);
        return container.Element(new DefaultTextStyleElement { Style = style(TextStyle.Inherit) });
    }

    /// <summary>Makes the content a link to a web address.</summary>
    public static IContainer Hyperlink(this IContainer container, string url) => container.Element(new HyperlinkElement { Url = url });

    /// <summary>Names a place (section) in the document, for links, page-number spans and sections' page counts.</summary>
    public static IContainer Section(this IContainer container, string name) => container.Element(new LocationElement { Name = name });

    /// <summary>
    /// Names the rectangle its content is drawn in, so other code can find it in the PDF: named destinations
    /// <c>loc-NAME</c> (top-left corner) and <c>loc-NAME.end</c> (bottom-right corner). Give the content a fixed size.
    /// </summary>
    /// <param name="container">Where the area goes.</param>
    /// <param name="name">The area's name (letters, digits, '-', '_').</param>
    public static IContainer NamedArea(this IContainer container, string name) => container.Element(new NamedAreaElement { Name = name });

    /// <summary>Makes the content a link to a section (see <see cref="Section"/>) or heading.</summary>
    public static IContainer SectionLink(this IContainer container, string sectionName) => container.Element(new LocationLinkElement { Location = sectionName });
}
