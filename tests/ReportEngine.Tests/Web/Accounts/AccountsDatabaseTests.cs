using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Data.Migrations;
using ReportEngine.Tests.Support;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Hosting;

namespace ReportEngine.Tests.Web.Accounts;

/// <summary>
/// Identity over our Dapper stores, API keys and the audit log, once per database the reports database may
/// be: the same tests on SQLite and on PostgreSQL (a throwaway cluster).
/// </summary>
public abstract class AccountsDatabaseTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    protected abstract string ConnectionString { get; }

    protected abstract DbConnection Open();

    public virtual Task InitializeAsync()
    {
        using (var connection = Open())
        {
            MigrationRunner.Apply(connection);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ReportEngineSettings(ConnectionString, "templates"));
        services.AddSingleton(TimeProvider.System);
        services.AddAccountStores(new WebConsoleOptions { MaxFailedLogins = 3 });
        _services = services.BuildServiceProvider();
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task A_password_is_stored_hashed_by_identity_and_checked()
    {
        using var scope = _services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ConsoleAccounts>().AddAsync("Thao", "operator", "a long enough password", "test", null);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();

        var user = await users.FindByNameAsync("thao");

        Assert.NotNull(user);
        Assert.Equal("Thao", user.Name);
        Assert.DoesNotContain("a long enough password", user.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<ConsoleUser>().VerifyHashedPassword(user, user.PasswordHash!, "a long enough password"));
        Assert.True(await users.CheckPasswordAsync(user, "a long enough password"));
        Assert.False(await users.CheckPasswordAsync(user, "another password here"));
    }

    [Fact]
    public async Task Failed_attempts_lock_the_account_and_unlock_clears_them()
    {
        using var scope = _services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ConsoleAccounts>();
        await accounts.AddAsync("khanh", "viewer", "a long enough password", "test", null);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();

        for (var i = 0; i < 3; i++)
        {
            await users.AccessFailedAsync((await users.FindByNameAsync("khanh"))!);
        }

        var locked = (await users.FindByNameAsync("khanh"))!;
        Assert.True(await users.IsLockedOutAsync(locked));
        await accounts.UnlockAsync("khanh", "test", null);
        var unlocked = (await users.FindByNameAsync("khanh"))!;
        Assert.False(await users.IsLockedOutAsync(unlocked));
        Assert.Equal(0, unlocked.FailedCount);
    }

    [Fact]
    public async Task A_role_change_moves_the_security_stamp_and_is_audited()
    {
        using var scope = _services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ConsoleAccounts>();
        var added = await accounts.AddAsync("long", "viewer", "a long enough password", "test", null);

        await accounts.ChangeRoleAsync("long", "admin", "boss", "10.0.0.7");
        var changed = (await scope.ServiceProvider.GetRequiredService<AccountStore>().FindByNameAsync("long"))!;
        var audit = await scope.ServiceProvider.GetRequiredService<AuditLog>().ListAsync("boss", null, null, 10);

        Assert.Equal("admin", changed.Role);
        Assert.NotEqual(added.SecurityStamp, changed.SecurityStamp);
        var entry = Assert.Single(audit);
        Assert.Equal((AuditActions.UserRoleChanged, "long", "viewer → admin", "10.0.0.7"), (entry.Action, entry.Target, entry.Detail, entry.RemoteAddress));
    }

    [Fact]
    public async Task An_api_key_is_kept_as_its_sha256_and_stops_working_when_revoked()
    {
        var keys = _services.GetRequiredService<ConsoleApiKeys>();
        var store = _services.GetRequiredService<ApiKeyStore>();

        var (key, secret) = await keys.CreateAsync("operator", "export", "test", null);
        var stored = await Query<string>("SELECT key_hash FROM console_api_keys WHERE id = @Id", key);
        var found = await store.AuthenticateAsync(secret);
        await keys.RevokeAsync("export", "test", null);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), stored);
        Assert.Equal(("export", "operator"), (found!.Name, found.Role));
        Assert.Null(await store.AuthenticateAsync(secret));
        Assert.Null(await store.AuthenticateAsync("re_" + new string('A', 43)));
        Assert.NotNull((await keys.ListAsync()).Single().RevokedAt);
    }

    [Fact]
    public async Task The_audit_log_pages_newest_first_and_filters_by_action()
    {
        var audit = _services.GetRequiredService<AuditLog>();
        for (var i = 0; i < 5; i++)
        {
            await audit.WriteAsync("an", i % 2 == 0 ? AuditActions.LoginSucceeded : AuditActions.LoginFailed, "an", null, "127.0.0.1");
        }

        var first = await audit.ListAsync(null, null, null, 2);
        var next = await audit.ListAsync(null, null, first[^1].Id, 2);
        var failures = await audit.ListAsync("an", AuditActions.LoginFailed, null, 10);

        Assert.True(first[0].Id > first[1].Id && first[1].Id > next[0].Id);
        Assert.Equal(2, failures.Count);
    }

    private async Task<T?> Query<T>(string sql, object parameters)
    {
        await using var connection = Open();
        return await connection.ExecuteScalarAsync<T>(sql, parameters);
    }
}

/// <summary>The accounts on a SQLite reports database.</summary>
public sealed class SqliteAccountsDatabaseTests : AccountsDatabaseTests, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override string ConnectionString => _folder.File("reports.db");

    protected override DbConnection Open() => SqliteDatabase.Open(ConnectionString);

    public void Dispose() => _folder.Dispose();
}

/// <summary>One PostgreSQL cluster for the class; each test gets its own database in it.</summary>
public sealed class AccountsPostgres : IDisposable
{
    public AccountsPostgres()
    {
        Assert.True(PostgresCluster.IsAvailable, "PostgreSQL 15 binaries are needed (tests/run installs them)");
        Cluster = new PostgresCluster();
    }

    public PostgresCluster Cluster { get; }

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        Cluster.Dispose();
    }
}

/// <summary>The accounts on a PostgreSQL reports database.</summary>
public sealed class PostgresAccountsDatabaseTests(AccountsPostgres postgres) : AccountsDatabaseTests, IClassFixture<AccountsPostgres>
{
    private readonly string _database = "reports_" + Guid.NewGuid().ToString("N");

    protected override string ConnectionString => postgres.Cluster.ConnectionString(_database);

    protected override DbConnection Open() => PostgresDatabase.Open(ConnectionString);

    public override Task InitializeAsync()
    {
        postgres.Cluster.CreateDatabase(_database);
        return base.InitializeAsync();
    }
}
