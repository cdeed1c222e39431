namespace ReportEngine.Web.Accounts;

/// <summary>Creating and revoking API keys, one service for the `apikeys` verbs and the API keys page, each change audited.</summary>
public sealed class ConsoleApiKeys(ApiKeyStore keys, AuditLog audit)
{
    public Task<IReadOnlyList<ApiKey>> ListAsync() => keys.ListAsync();

    /// <returns>The key and its secret: the only time anyone sees it.</returns>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string role, string? name, string actor, string? address)
    {
        var created = await keys.CreateAsync(role, name, actor);
        await audit.WriteAsync(actor, AuditActions.ApiKeyCreated, created.Key.Name, "role " + created.Key.Role, address);
        return created;
    }

    public async Task<ApiKey> RevokeAsync(string idOrName, string actor, string? address)
    {
        var key = await keys.RevokeAsync(idOrName.Trim())
            ?? throw new ReportEngineException($"There is no active API key \"{idOrName.Trim()}\" (see `apikeys list`).");
        await audit.WriteAsync(actor, AuditActions.ApiKeyRevoked, key.Name, null, address);
        return key;
    }
}
