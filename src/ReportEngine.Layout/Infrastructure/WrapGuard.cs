using ReportEngine.Layout.Rendering;

namespace ReportEngine.Layout.Infrastructure;

/// <summary>
/// For elements that prefer the next page (keep-together, a table row that would fit on a fresh page, an image):
/// they may ask to move once; if they still do not fit on the following page they must split or shrink there.
/// This guarantees progress without knowing exactly how much room an empty page will offer.
/// </summary>
internal struct WrapGuard
{
    private int wrappedOnPage;

    public bool MayWrap(RenderContext context)
    {
        if (wrappedOnPage != 0 && wrappedOnPage < context.PageNumber)
        {
            return false;
        }

        wrappedOnPage = context.PageNumber;
        return true;
    }

    public void Reset() => wrappedOnPage = 0;
}
