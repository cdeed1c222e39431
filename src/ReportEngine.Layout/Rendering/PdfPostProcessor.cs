using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ReportEngine.Layout.Rendering;

/// <summary>
/// Appends what SkiaSharp cannot write — the outline (bookmarks), the catalog's /Lang and, for PDF/A-2b, the
/// output intent, XMP metadata and a deterministic /ID (<see cref="PdfArchival"/>) — as a PDF incremental
/// update after SkiaSharp's %%EOF: new objects, a replacement catalog, a cross-reference section and a trailer
/// pointing back to the original one. The original bytes are never rewritten, so pages still stream out as
/// they are finished. Needs only the final part SkiaSharp writes on close (page tree, catalog, xref, trailer).
/// </summary>
internal static partial class PdfPostProcessor
{
    public static void Append(PdfOutputTap tap, RenderContext context, DocumentMetadata metadata, bool pdfA)
    {
        var outline = context.Outline;
        if (outline.Count == 0 && string.IsNullOrEmpty(metadata.Language) && !pdfA)
        {
            return;
        }

        var original = PdfTail.Parse(tap.Tail, tap.TailStart);
        if (original is null)
        {
            return;
        }

        var writer = new IncrementalWriter(tap, original.Size);
        var outlineRoot = outline.Count > 0 ? WriteOutline(writer, outline, original) : (int?)null;

        var catalog = original.Catalog.TrimEnd();
        catalog = catalog[..catalog.LastIndexOf(">>", StringComparison.Ordinal)];
        var extra = new StringBuilder();
        if (outlineRoot is { } root)
        {
            extra.Append(CultureInfo.InvariantCulture, $"\n/Outlines {root} 0 R\n/PageMode /UseOutlines");
        }

        if (!string.IsNullOrEmpty(metadata.Language))
        {
            extra.Append("\n/Lang ").Append(PdfString(metadata.Language));
        }

        string? trailer = null;
        if (pdfA)
        {
            var parts = PdfArchival.Write(writer, metadata, original);
            extra.Append(CultureInfo.InvariantCulture, $"\n/Metadata {parts.Metadata} 0 R\n/OutputIntents [{parts.OutputIntent} 0 R]");
            trailer = string.Create(CultureInfo.InvariantCulture, $"\n/Info {parts.Info} 0 R\n/ID [<{parts.Id}> <{parts.Id}>]");
        }

        writer.Write(original.RootNumber, catalog + extra + ">>");
        writer.Finish(original, trailer);
    }

    private static int WriteOutline(IncrementalWriter writer, List<OutlineEntry> entries, PdfTail original)
    {
        // Build the tree: each entry's parent is the nearest earlier entry of a lower level.
        var nodes = entries.Select(e => new OutlineNode(e, writer.Reserve())).ToList();
        var root = new OutlineNode(null, writer.Reserve());
        var stack = new Stack<OutlineNode>();
        stack.Push(root);
        foreach (var node in nodes)
        {
            while (stack.Count > 1 && stack.Peek().Entry!.Level >= node.Entry!.Level)
            {
                stack.Pop();
            }

            node.Parent = stack.Peek();
            stack.Peek().Children.Add(node);
            stack.Push(node);
        }

        foreach (var node in nodes)
        {
            var siblings = node.Parent!.Children;
            var index = siblings.IndexOf(node);
            var entry = node.Entry!;
            var page = original.PageObjects.ElementAtOrDefault(entry.PageNumber - 1);
            var body = new StringBuilder("<</Title ").Append(PdfString(entry.Title));
            body.Append(CultureInfo.InvariantCulture, $"\n/Parent {node.Parent.Number} 0 R");
            if (index > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n/Prev {siblings[index - 1].Number} 0 R");
            }

            if (index < siblings.Count - 1)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n/Next {siblings[index + 1].Number} 0 R");
            }

            if (node.Children.Count > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n/First {node.Children[0].Number} 0 R\n/Last {node.Children[^1].Number} 0 R\n/Count {node.Children.Count}");
            }

            if (page != 0)
            {
                var top = original.PageHeights.ElementAtOrDefault(entry.PageNumber - 1) - entry.Y;
                body.Append(CultureInfo.InvariantCulture, $"\n/Dest [{page} 0 R /XYZ {entry.X:0.##} {top:0.##} 0]");
            }

            writer.Write(node.Number, body.Append(">>").ToString());
        }

        writer.Write(root.Number, string.Create(CultureInfo.InvariantCulture,
            $"<</Type /Outlines\n/First {root.Children[0].Number} 0 R\n/Last {root.Children[^1].Number} 0 R\n/Count {nodes.Count}>>"));
        return root.Number;
    }

    /// <summary>A text string: UTF-16BE with a byte-order mark, as hex, so any script and character is safe.</summary>
    public static string PdfString(string text)
    {
        var builder = new StringBuilder("<FEFF");
        foreach (var c in text)
        {
            builder.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return builder.Append('>').ToString();
    }

    private sealed class OutlineNode(OutlineEntry? entry, int number)
    {
        public OutlineEntry? Entry { get; } = entry;
        public int Number { get; } = number;
        public OutlineNode? Parent { get; set; }
        public List<OutlineNode> Children { get; } = [];
    }
}
