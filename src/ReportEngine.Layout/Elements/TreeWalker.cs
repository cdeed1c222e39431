using ReportEngine.Layout.Infrastructure;
using ReportEngine.Layout.Rendering;

namespace ReportEngine.Layout.Elements;

/// <summary>Walks the element tree: wiring parents, canvas and context before a pass, and resetting progress.</summary>
internal static class TreeWalker
{
    /// <summary>
    /// Resets progress below <paramref name="root"/>. Between pages (repeated headers, footers, table headers),
    /// show-once and skip-once keep their memory (that is their purpose), and a heading or section in a header is
    /// registered (outline entry, destination) once, not on every page.
    /// </summary>
    public static void ResetState(Element root, bool betweenPages)
    {
        var stack = new Stack<Element>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element is IStateful stateful && !(betweenPages && element is ShowOnceElement or SkipOnceElement or LocationElement or NamedAreaElement))
            {
                stateful.ResetState();
            }

            foreach (var child in element.Children)
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>Sets the context (and its canvas) and parent links on every element, and resolves inherited text styles.</summary>
    public static void Attach(Element root, ICanvas canvas, RenderContext context, TextStyle? inherited = null)
    {
        context.Canvas = canvas;
        var stack = new Stack<(Element Element, TextStyle Style)>();
        stack.Push((root, inherited ?? TextStyle.Default));
        while (stack.Count > 0)
        {
            var (element, style) = stack.Pop();
            element.Context = context;
            switch (element)
            {
                case PageElement page:
                    style = page.DefaultStyle.InheritFrom(style);
                    break;
                case DefaultTextStyleElement styled:
                    style = styled.Style.InheritFrom(style);
                    break;
                case Text.TextBlockElement text:
                    text.InheritedStyle = style;
                    break;
                case Tables.TableElement table:
                    table.InheritedStyle = style;
                    break;
                case TableOfContentsElement contents:
                    contents.InheritedStyle = style;
                    break;
            }

            foreach (var child in element.Children)
            {
                child.Parent = element;
                stack.Push((child, style));
            }
        }
    }

    /// <summary>"Page 1 content > Column (3 items) > item 2 > Table > row 5 > Text "…"": for layout errors.</summary>
    public static string PathOf(Element element)
    {
        var parts = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            var label = e.Describe();
            if (e.Parent is ColumnElement column)
            {
                label = $"item {column.Items.IndexOf(e) + 1}: {label}";
            }

            parts.Add(label);
        }

        parts.Reverse();
        return string.Join(" > ", parts);
    }
}
