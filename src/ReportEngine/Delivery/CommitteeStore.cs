using Dapper;
using ReportEngine.Data;

namespace ReportEngine.Delivery;

/// <summary>The committees and committee_recipients tables: reading them, and replacing one committee's channels.</summary>
public sealed class CommitteeStore(string connectionString)
{
    public IReadOnlyList<Committee> All() => Read("1 = 1", new { });

    public IReadOnlyList<Committee> AtLevel(string level) => Read("l.level = @level", new { level });

    /// <summary>
    /// Committees whose code or name contains the text in any case; all for an empty text. lower() on both sides:
    /// SQLite's LIKE ignores ASCII case by itself, PostgreSQL's does not (its lower() also folds Vietnamese capitals, SQLite's only ASCII).
    /// </summary>
    public IReadOnlyList<Committee> Search(string? text) => string.IsNullOrWhiteSpace(text)
        ? All()
        : Read("(lower(c.code) LIKE lower(@pattern) ESCAPE '\\' OR lower(c.name) LIKE lower(@pattern) ESCAPE '\\')",
            new { pattern = "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%" });

    public Committee? Find(string code) => Read("c.code = @code", new { code }).SingleOrDefault();

    /// <summary>
    /// Committees named by a selector: a level (province, district, commune) or a comma-separated
    /// list of committee codes. An unknown code or a level without committees is an error, never an empty burst.
    /// </summary>
    public IReadOnlyList<Committee> Select(string selector)
    {
        var trimmed = selector.Trim();
        if (CommitteeLevel.All.Contains(trimmed, StringComparer.Ordinal))
        {
            var atLevel = AtLevel(trimmed);
            return atLevel.Count > 0 ? atLevel : throw new ReportEngineException($"--committees {trimmed}: there is no committee at that level.");
        }

        var codes = trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            throw new ReportEngineException("--committees needs a level (province, district, commune) or committee codes separated by commas.");
        }

        var found = new List<Committee>();
        foreach (var code in codes)
        {
            found.Add(Find(code) ?? throw new ReportEngineException(
                $"--committees: there is no committee \"{code}\" (give a level: province, district, commune; or codes as `committees list` shows them)."));
        }

        return found;
    }

    public bool LocalityExists(string code)
    {
        using var connection = StateDatabase.Open(connectionString);
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM localities WHERE code = @code", new { code }) > 0;
    }

    /// <summary>Creates or updates committees with their channels, all or none (one transaction).</summary>
    public void Save(IReadOnlyList<CommitteeChange> changes)
    {
        using var connection = StateDatabase.Open(connectionString);
        using var transaction = connection.BeginTransaction();
        foreach (var change in changes)
        {
            var localityId = connection.ExecuteScalar<long?>("SELECT id FROM localities WHERE code = @code", new { code = change.Locality }, transaction)
                ?? throw new ReportEngineException($"committee \"{change.Code}\": there is no locality \"{change.Locality}\".");
            // One Standing Committee per locality (the schema says so too): say which one holds it.
            if (connection.ExecuteScalar<string?>("SELECT code FROM committees WHERE locality_id = @localityId AND code <> @Code",
                    new { localityId, change.Code }, transaction) is { } holder)
            {
                throw new ReportEngineException(
                    $"committee \"{change.Code}\": the locality \"{change.Locality}\" already has the committee \"{holder}\"; nothing was saved.");
            }

            var id = connection.ExecuteScalar<long>(
                """
                INSERT INTO committees (code, name, locality_id, language, drop_folder,
                                        issuing_body, body_symbol, signer_authority, signer_position, signer_name, place)
                VALUES (@Code, @Name, @localityId, @Language, @DropFolder,
                        @IssuingBody, @BodySymbol, @SignerAuthority, @SignerPosition, @SignerName, @Place)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, locality_id = excluded.locality_id,
                                                language = excluded.language, drop_folder = excluded.drop_folder,
                                                issuing_body = excluded.issuing_body, body_symbol = excluded.body_symbol,
                                                signer_authority = excluded.signer_authority, signer_position = excluded.signer_position,
                                                signer_name = excluded.signer_name, place = excluded.place
                RETURNING id
                """,
                new
                {
                    change.Code,
                    change.Name,
                    localityId,
                    change.Language,
                    change.DropFolder,
                    change.Signer.IssuingBody,
                    change.Signer.BodySymbol,
                    change.Signer.SignerAuthority,
                    change.Signer.SignerPosition,
                    change.Signer.SignerName,
                    change.Signer.Place,
                },
                transaction);
            connection.Execute("DELETE FROM committee_recipients WHERE committee_id = @id", new { id }, transaction);
            foreach (var recipient in change.Recipients)
            {
                connection.Execute(
                    "INSERT INTO committee_recipients (committee_id, address, role) VALUES (@id, @Address, @Role)",
                    new { id, recipient.Address, recipient.Role }, transaction);
            }
        }

        transaction.Commit();
    }

    private List<Committee> Read(string where, object parameters)
    {
        using var connection = StateDatabase.Open(connectionString);
        var committees = connection.Query<CommitteeRow>(
            $"""
            SELECT c.id AS Id, c.code AS Code, c.name AS Name, l.code AS LocalityCode, l.name AS LocalityName, l.level AS Level,
                   c.language AS Language, c.drop_folder AS DropFolder,
                   c.issuing_body AS IssuingBody, c.body_symbol AS BodySymbol, c.signer_authority AS SignerAuthority,
                   c.signer_position AS SignerPosition, c.signer_name AS SignerName, c.place AS Place
            FROM committees c JOIN localities l ON l.id = c.locality_id
            WHERE {where}
            ORDER BY c.id
            """,
            parameters).AsList();
        var recipients = connection.Query<(long CommitteeId, string Address, string Role)>(
                "SELECT committee_id, address, role FROM committee_recipients ORDER BY role DESC, address")
            .ToLookup(r => r.CommitteeId);
        return committees.Select(c => new Committee(c.Id, c.Code, c.Name, c.LocalityCode, c.LocalityName, c.Level, c.Language, c.DropFolder,
            recipients[c.Id].Select(r => new Recipient(r.Address, r.Role)).ToList())
        {
            Signer = new CommitteeSigner(c.IssuingBody, c.BodySymbol, c.SignerAuthority, c.SignerPosition, c.SignerName, c.Place),
        }).ToList();
    }

    private sealed record CommitteeRow(long Id, string Code, string Name, string LocalityCode, string LocalityName, string Level, string Language, string? DropFolder,
        string? IssuingBody, string? BodySymbol, string? SignerAuthority, string? SignerPosition, string? SignerName, string? Place);
}

/// <summary>A committee as an import row or a command sets it: everything about it, its recipients replaced.</summary>
public sealed record CommitteeChange(string Code, string Name, string Locality, string Language, string? DropFolder, IReadOnlyList<Recipient> Recipients)
{
    public CommitteeSigner Signer { get; init; } = CommitteeSigner.None;
}
