using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReportEngine.Delivery;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Web.Pages.Committees;

/// <summary>Viewer: the committees with their language, recipients, drop folder and signer, searched by code or name.</summary>
public sealed class IndexModel(CommitteeStore committees, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<Committee> Committees { get; private set; } = [];

    public string? Search { get; private set; }

    public bool MayEdit { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(string? q)
    {
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        MayEdit = (await authorization.AuthorizeAsync(User, ConsolePolicies.Operator)).Succeeded;
        Committees = committees.Search(Search);
    }

    public static string Addresses(Committee committee, string role) =>
        string.Join("; ", committee.Recipients.Where(r => r.Role == role).Select(r => r.Address));
}
