using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Hosting;
using ReportEngine.Runs;
using ReportEngine.Scheduling;
using ReportEngine.Tests.Support;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web;

/// <summary>
/// The real `serve` host in this process: the worker and the console on Kestrel at a free loopback port,
/// over a fresh copy of the demo database in a temp folder (config/, archive/ beside it). Built by the
/// same WorkerHost.Build the verb calls, after the same migration and single-worker claim.
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    /// <summary>The password every account made by <see cref="LoginAsync(string)"/> gets.</summary>
    public const string Password = "correct horse battery staple";

    private readonly TempFolder _folder = new();
    private readonly List<HttpClient> _clients = [];
    private IHost? _host;

    private ConsoleHost(WebFixture fixture)
    {
        Database = fixture.CopyInto(_folder.Path);
        Directory.CreateDirectory(Path.Combine(_folder.Path, "config"));
    }

    public string Folder => _folder.Path;

    public string Database { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The host's services: UserManager, AccountStore, AuditLog, EndpointDataSource, ...</summary>
    public IServiceProvider Services => _host!.Services;

    /// <param name="settings">Settings on top of the defaults ("Web:MaxFailedLogins" = "3", ...).</param>
    public static async Task<ConsoleHost> StartAsync(WebFixture fixture, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new ConsoleHost(fixture);
        try
        {
            await host.Start(settings ?? new Dictionary<string, string?>());
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>An account made directly through Identity (no audit line, no HTTP).</summary>
    public async Task CreateUserAsync(string name, string role, string password)
    {
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ConsoleAccounts>();
        await accounts.AddAsync(name, role, password, "test", AuditLog.CommandLineAddress);
    }

    /// <summary>A client that keeps cookies and does not follow redirects (a test sees each 302).</summary>
    public HttpClient CreateClient()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        _clients.Add(client);
        return client;
    }

    /// <summary>A client logged in as a new account "&lt;role&gt;-1" (then -2, ...) holding that role.</summary>
    public async Task<HttpClient> LoginAsync(string role)
    {
        var name = $"{role}-{Interlocked.Increment(ref _accounts)}";
        await CreateUserAsync(name, role, Password);
        return await LoginAsync(name, Password);
    }

    /// <summary>A client logged in with this name and password; fails the test if the login does not succeed.</summary>
    public async Task<HttpClient> LoginAsync(string name, string password)
    {
        var client = CreateClient();
        using var response = await ConsoleForms.PostLogin(client, name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login as {name} answered {(int)response.StatusCode}");
        return client;
    }

    private int _accounts;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_host is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _host.StopAsync(stop.Token);
            _host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private async Task Start(IReadOnlyDictionary<string, string?> settings)
    {
        var defaults = new Dictionary<string, string?>
        {
            [ReportEngineSettings.ConnectionStringKey] = Database,
            ["Archive:Path"] = Path.Combine(Folder, "archive"),
            ["Schedules:Path"] = Path.Combine(Folder, "config", "schedules.yaml"),
            ["Worker:PollInterval"] = "00:00:00.200",
            ["Web:Urls"] = "http://127.0.0.1:0",
            // Tests log in many times from 127.0.0.1; the rate-limit test sets its own limit.
            ["Web:LoginAttemptsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            defaults[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddConfiguration(ReportEngineSettings.BuildConfiguration(Folder))
            .AddInMemoryCollection(defaults)
            .Build();
        var reports = ReportEngineSettings.Load(configuration, Folder, Database);

        // As ServeCommand does: migrate, claim the database for one worker, then build and start the host.
        ReportsDatabase.OpenForReports(reports.ConnectionString).Dispose();
        await SingleWorker.Claim(new RunStore(reports.ConnectionString, TimeProvider.System), TimeProvider.System, CancellationToken.None);
        _host = WorkerHost.Build(configuration, reports, Folder);
        await _host.StartAsync();
        BaseAddress = new Uri(WorkerHost.Addresses(_host).Single());
    }
}
