using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Text;

namespace ReportEngine.Web.Pages.Committees;

/// <summary>
/// Operator: one committee's recipients, language, drop folder and signer, saved through CommitteeEdits,
/// the service `committees set` calls: the same checks, the same messages, nothing saved on a problem.
/// </summary>
public sealed class EditModel(CommitteeStore committees, CommitteeEdits edits, AuditLog audit, ConsoleText text) : PageModel
{
    private static readonly string[] Fields = ["name", "language", "to", "cc", "drop_folder"];

    public Committee Committee { get; private set; } = null!;

    /// <summary>The form's values by field name: as stored, or as posted when the post was refused.</summary>
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public string? Problem { get; private set; }

    public static IReadOnlyList<string> Languages => ReportEngine.Templates.Liquid.ReportCulture.SupportedLanguages;

    public static IReadOnlyList<string> SignerFields => CommitteeSigner.Columns;

    [TempData]
    public string? Notice { get; set; }

    public IActionResult OnGet(string code)
    {
        if (committees.Find(code) is not { } committee)
        {
            return NotFound();
        }

        Committee = committee;
        Values["name"] = committee.Name;
        Values["language"] = committee.Language;
        Values["to"] = IndexModel.Addresses(committee, RecipientRole.To);
        Values["cc"] = IndexModel.Addresses(committee, RecipientRole.Cc);
        Values["drop_folder"] = committee.DropFolder ?? "";
        foreach (var column in SignerFields)
        {
            Values[column] = CommitteeEdits.Stored(committee.Signer, column) ?? "";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (committees.Find(code) is not { } committee)
        {
            return NotFound();
        }

        // Every field is posted: an empty one clears what is stored, as "" does on the command line.
        foreach (var field in Fields.Concat(SignerFields))
        {
            Values[field] = Request.Form[field].ToString();
        }

        try
        {
            edits.Set(new CommitteeEdit(code, Values["name"], null, Values["language"], Values["to"], Values["cc"], Values["drop_folder"],
                SignerFields.ToDictionary(c => c, c => (string?)Values[c])));
        }
        catch (ReportEngineException e)
        {
            Committee = committee;
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await audit.WriteAsync(User.Identity?.Name ?? "?", AuditActions.CommitteeChanged, code,
            $"language={Values["language"]} to={Values["to"]} cc={Values["cc"]} drop_folder={Values["drop_folder"]}",
            HttpContext.Connection.RemoteIpAddress?.ToString());
        Notice = text.Format("committees.saved", code);
        return Redirect("/committees");
    }
}
