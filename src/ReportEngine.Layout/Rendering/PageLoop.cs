using ReportEngine.Layout.Elements;
using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Rendering;

/// <summary>
/// Runs measure → draw page after page until every page set's content is done. The same loop serves the
/// counting pass and the drawing pass, so both lay out identically.
/// </summary>
internal static class PageLoop
{
    /// <summary>Pages in a row whose content made no visible progress before we call it a layout loop.</summary>
    private const int MaxPagesWithoutProgress = 500;

    public static void Run(DocumentModel model, RenderContext context, Action<PageElement> beginPage, Action endPage)
    {
        foreach (var page in model.Pages)
        {
            var stalled = 0;
            while (true)
            {
                context.PageNumber++;
                if (context.PageNumber > model.Settings.MaxPages)
                {
                    throw new LayoutException($"The document exceeds {model.Settings.MaxPages} pages (DocumentSettings.MaxPages).", TreeWalker.PathOf(page));
                }

                var plan = page.Measure(new Size(page.Width, page.Height));
                if (plan.IsWrap)
                {
                    var culprit = plan.Culprit ?? page;
                    throw new LayoutException(
                        $"An element does not fit on an empty page ({culprit.Describe()}): it is larger than the page's content area and cannot split.",
                        TreeWalker.PathOf(culprit));
                }

                beginPage(page);
                page.Draw(new Size(page.Width, page.Height));
                endPage();
                if (plan.Kind != SpacePlanKind.Partial)
                {
                    break;
                }

                // A page that places no content (page breaks only) is legal, but hundreds in a row mean a loop.
                stalled = page.LastContentHeight > 0 ? 0 : stalled + 1;
                if (stalled > MaxPagesWithoutProgress)
                {
                    throw new LayoutException($"Layout made no progress for {MaxPagesWithoutProgress} pages.", TreeWalker.PathOf(page.Content));
                }

            }
        }
    }
}
