using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Runs;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Web.Pages.Runs;

/// <summary>
/// Viewer: a run's archived PDF, by run id only (ArchivedPdf takes the path from the run record, inside the
/// archive; nothing of the request reaches the file system), under the name it was archived with.
/// </summary>
public sealed class PdfModel(ArchivedPdf pdfs, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (pdfs.Find(id) is not { } pdf)
        {
            return NotFound();
        }

        await audit.WriteAsync(User.Identity?.Name ?? "?", AuditActions.RunDownloaded, $"run {id}", pdf.FileName, HttpContext.Connection.RemoteIpAddress?.ToString());
        return PhysicalFile(pdf.Path, "application/pdf", pdf.FileName);
    }
}
