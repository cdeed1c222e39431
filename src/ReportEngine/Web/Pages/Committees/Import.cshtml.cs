using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Delivery;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Committees;

/// <summary>
/// Operator: a committees CSV file uploaded and imported as `committees import` imports it (CommitteeEdits):
/// all or nothing, every problem listed with its line.
/// </summary>
[RequestSizeLimit(MaxBytes)]
public sealed class ImportModel(CommitteeEdits edits, AuditLog audit, ConsoleText text) : PageModel
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public static IReadOnlyList<string> Columns => CommitteeImport.Columns;

    /// <summary>The refusal's lines: the summary first, then one per problem ("file.csv:3: to: ...").</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            Problems = [text["committees.import.nofile"]];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Only the name (never a path) is used, and only in messages.
        var name = Path.GetFileName(file.FileName);
        int imported;
        try
        {
            await using var content = file.OpenReadStream();
            imported = edits.Import(name, content);
        }
        catch (ReportEngineException e)
        {
            Problems = e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await audit.WriteAsync(User.Identity?.Name ?? "?", AuditActions.CommitteesImported, name,
            imported.ToString(CultureInfo.InvariantCulture) + " committees", HttpContext.Connection.RemoteIpAddress?.ToString());
        Notice = text.Format("committees.imported", imported, name);
        return Redirect("/committees");
    }
}
