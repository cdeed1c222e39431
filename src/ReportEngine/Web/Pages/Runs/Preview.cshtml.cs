using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Runs;

namespace ReportEngine.Web.Pages.Runs;

/// <summary>
/// Viewer: a PNG of one of the first pages of a run's archived PDF, by run id and page number only
/// (RunPreviews finds the PDF through the run record and caches the image by run and SHA-256).
/// </summary>
public sealed class PreviewModel(RunPreviews previews) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, int number, CancellationToken cancellation)
    {
        if (number is < 1 or > RunPreviews.MaxPages)
        {
            return NotFound();
        }

        try
        {
            var images = await previews.FirstPagesAsync(id, number, cancellation);
            if (images.FirstOrDefault(i => i.Page == number) is not { } image)
            {
                return NotFound();
            }

            // The image of a run's page never changes (the cache is keyed by the PDF's SHA-256).
            Response.Headers.CacheControl = "private, max-age=86400";
            return PhysicalFile(image.File, "image/png");
        }
        catch (ReportEngineException)
        {
            // No archived PDF (yet), or pdftoppm missing: the page shows the alt text; the PDF can still be downloaded.
            return NotFound();
        }
    }
}
