using ReportEngine.Data;
using ReportEngine.Templates.Liquid;

namespace ReportEngine.Delivery;

/// <summary>What a committee must be to be saved, for the CSV import and the `committees set` verb alike.</summary>
public static class CommitteeRules
{
    /// <param name="to">Addresses separated by ';'.</param>
    /// <param name="cc">Addresses separated by ';'.</param>
    /// <returns>The committee as it would be saved, and each problem as "field: what is wrong".</returns>
    public static (CommitteeChange Change, List<string> Problems) Check(string code, string name, string locality, string language,
        string to, string cc, string dropFolder, Func<string, bool> localityExists, CommitteeSigner? signer = null)
    {
        signer ??= CommitteeSigner.None;
        var problems = new List<string>();
        language = language.Length > 0 ? language : "vi";
        if (code.Length == 0 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            problems.Add($"code: \"{code}\" must be ASCII letters, digits, '-', '_' or '.'");
        }

        if (!localityExists(locality))
        {
            problems.Add($"locality: there is no locality \"{locality}\"");
        }

        if (!ReportCulture.SupportedLanguages.Contains(language))
        {
            problems.Add($"language: \"{language}\" must be one of {string.Join(", ", ReportCulture.SupportedLanguages)}");
        }

        var recipients = new List<Recipient>();
        foreach (var (role, list) in new[] { (RecipientRole.To, to), (RecipientRole.Cc, cc) })
        {
            foreach (var address in list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (EmailAddress.Problem(address) is { } problem)
                {
                    problems.Add($"{role}: {problem}");
                }
                else if (recipients.Any(r => r.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{role}: \"{address}\" is listed twice");
                }
                else
                {
                    recipients.Add(new Recipient(address, role));
                }
            }
        }

        var folder = dropFolder.Length > 0 ? dropFolder : null;
        if (folder is not null && !Path.IsPathRooted(folder))
        {
            problems.Add($"drop_folder: \"{folder}\" must be an absolute path (a mounted share)");
        }

        problems.AddRange(signer.Problems());
        return (new CommitteeChange(code, name.Length > 0 ? name : code, locality, language, folder, recipients) { Signer = signer }, problems);
    }
}
