using ReportEngine.Layout.Elements;

namespace ReportEngine.Layout;

/// <summary>Configures a page set: size, margins, background, default text style, header, content and footer.</summary>
public sealed class PageDescriptor
{
    private readonly PageElement page;

    internal PageDescriptor(PageElement page)
    {
        this.page = page;
    }

    /// <summary>Sets the page size, e.g. <c>PageSizes.A4</c> or <c>PageSizes.A4.Landscape()</c>.</summary>
    public PageDescriptor Size(PageSize size) => Size(size.Width, size.Height);

    /// <summary>Sets the page size in points.</summary>
    public PageDescriptor Size(float width, float height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "Page width and height must be positive.");
        }

        page.Width = width;
        page.Height = height;
        return this;
    }

    /// <summary>Sets all four margins, in points.</summary>
    public PageDescriptor Margin(float value) => MarginHorizontal(value).MarginVertical(value);

    /// <summary>Sets left and right margins.</summary>
    public PageDescriptor MarginHorizontal(float value) => MarginLeft(value).MarginRight(value);

    /// <summary>Sets top and bottom margins.</summary>
    public PageDescriptor MarginVertical(float value) => MarginTop(value).MarginBottom(value);

    /// <summary>Sets the left margin.</summary>
    public PageDescriptor MarginLeft(float value)
    {
        page.MarginLeft = value;
        return this;
    }

    /// <summary>Sets the right margin.</summary>
    public PageDescriptor MarginRight(float value)
    {
        page.MarginRight = value;
        return this;
    }

    /// <summary>Sets the top margin.</summary>
    public PageDescriptor MarginTop(float value)
    {
        page.MarginTop = value;
        return this;
    }

    /// <summary>Sets the bottom margin.</summary>
    public PageDescriptor MarginBottom(float value)
    {
        page.MarginBottom = value;
        return this;
    }

    /// <summary>Fills every page with a colour.</summary>
    public PageDescriptor Background(Color color)
    {
        page.BackgroundColor = color;
        return this;
    }

    /// <summary>Sets the text style inherited by everything on these pages.</summary>
    public PageDescriptor DefaultTextStyle(Func<TextStyle, TextStyle> style)
    {
        ArgumentNullException.ThrowIfNull(style);
        page.DefaultStyle = style(page.DefaultStyle);
        return this;
    }

    /// <summary>Sets the text style inherited by everything on these pages.</summary>
    public PageDescriptor DefaultTextStyle(TextStyle style)
    {
        page.DefaultStyle = style ?? throw new ArgumentNullException(nameof(style));
        return this;
    }

    /// <summary>The header, drawn at the top of every page (it must fit on a page).</summary>
    public IContainer Header() => page.Header;

    /// <summary>The content, flowing over as many pages as needed.</summary>
    public IContainer Content() => (IContainer)page.Content;

    /// <summary>The footer, drawn at the bottom of every page (it must fit on a page).</summary>
    public IContainer Footer() => page.Footer;
}
