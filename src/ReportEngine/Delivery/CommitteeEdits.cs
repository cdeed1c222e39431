using System.Text;
using ReportEngine.Data;

namespace ReportEngine.Delivery;

/// <summary>
/// A change to one committee as `committees set` and the console's edit form ask for it: each field given
/// replaces the stored one, each field left null keeps it (an empty text clears it).
/// </summary>
/// <param name="To">To addresses separated by ';'.</param>
/// <param name="Cc">Cc addresses separated by ';'.</param>
/// <param name="Signer">By <see cref="CommitteeSigner.Columns"/> name; a missing column keeps the stored part.</param>
public sealed record CommitteeEdit(string Code, string? Name = null, string? Locality = null, string? Language = null,
    string? To = null, string? Cc = null, string? DropFolder = null, IReadOnlyDictionary<string, string?>? Signer = null);

/// <summary>
/// Changes to committees that the command line and the console make alike: one committee set
/// (<see cref="Set"/>) or a CSV file imported (<see cref="Import"/>), checked by <see cref="CommitteeRules"/>
/// and saved by <see cref="CommitteeStore"/>, refused with the same messages wherever they come from.
/// </summary>
public sealed class CommitteeEdits(CommitteeStore store)
{
    /// <summary>Checks and saves the change; a problem throws with every problem listed and saves nothing.</summary>
    /// <returns>True when the committee was created, false when updated.</returns>
    public bool Set(CommitteeEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var existing = store.Find(edit.Code);
        string Recipients(string role) => string.Join(";", existing?.Recipients.Where(r => r.Role == role).Select(r => r.Address) ?? []);
        var (change, problems) = CommitteeRules.Check(
            edit.Code,
            edit.Name ?? existing?.Name ?? "",
            edit.Locality ?? existing?.LocalityCode ?? "",
            edit.Language ?? existing?.Language ?? "",
            edit.To ?? Recipients(RecipientRole.To),
            edit.Cc ?? Recipients(RecipientRole.Cc),
            edit.DropFolder ?? existing?.DropFolder ?? "",
            store.LocalityExists,
            CommitteeSigner.From(column => (edit.Signer is not null && edit.Signer.TryGetValue(column, out var given) && given is not null
                ? given
                : Stored(existing?.Signer, column)) ?? ""));
        if (problems.Count > 0)
        {
            throw new ReportEngineException($"committee \"{change.Code}\": " + string.Join("; ", problems));
        }

        store.Save([change]);
        return existing is null;
    }

    /// <summary>Imports a CSV file's committees, all or nothing (see <see cref="CommitteeImport"/>).</summary>
    /// <returns>How many committees were imported.</returns>
    public int Import(string file)
    {
        var changes = CommitteeImport.Read(file, store.LocalityExists);
        store.Save(changes);
        return changes.Count;
    }

    /// <summary>The same for a file that arrived as bytes (an upload); <paramref name="name"/> names it in the messages.</summary>
    public int Import(string name, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var reader = new StreamReader(content, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        var changes = CommitteeImport.Read(name, lines, store.LocalityExists);
        store.Save(changes);
        return changes.Count;
    }

    /// <summary>A signer part as stored, by its column name.</summary>
    public static string? Stored(CommitteeSigner? signer, string column) => signer is null ? null : column switch
    {
        "issuing_body" => signer.IssuingBody,
        "body_symbol" => signer.BodySymbol,
        "signer_authority" => signer.SignerAuthority,
        "signer_position" => signer.SignerPosition,
        "signer_name" => signer.SignerName,
        _ => signer.Place,
    };
}
