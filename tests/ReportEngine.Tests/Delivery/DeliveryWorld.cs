using Dapper;
using ReportEngine.Archive;
using ReportEngine.Data;
using ReportEngine.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>
/// One test's world: a working folder with its own copy of the demo database and its archive, and
/// the command line run as a child process (`dotnet ReportEngine.dll ...`), so each test's SMTP
/// settings stay in its own environment.
/// </summary>
public sealed class DeliveryWorld : IDisposable
{
    private readonly TempFolder _folder = new();

    public DeliveryWorld(DeliveryFixture fixture)
    {
        Database = fixture.CopyInto(_folder.Path);
        Archive = new ReportArchive(System.IO.Path.Combine(_folder.Path, "archive"));
        Outbox = new Outbox(Database, TimeProvider.System);
    }

    public string Path => _folder.Path;

    public string Database { get; }

    public ReportArchive Archive { get; }

    public Outbox Outbox { get; }

    public string File(string name) => _folder.File(name);

    /// <summary>Fast retries for tests: a failed attempt is due again at once.</summary>
    public static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? smtp = null, params (string Name, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(smtp ?? new Dictionary<string, string>()) { ["Delivery__FirstRetryDelay"] = "00:00:00" };
        foreach (var (name, value) in more)
        {
            settings[name] = value;
        }

        return settings;
    }

    public async Task<(int ExitCode, string Output)> Cli(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = WorkerProcess.Start(Path, Database, environment, args);
        await process.WaitForExit(TimeSpan.FromMinutes(3));
        return (process.ExitCode, process.Output);
    }

    /// <summary>`run annual-assessment --set year=2024 --committees SELECTOR`; the run must succeed.</summary>
    public async Task<string> Burst(IReadOnlyDictionary<string, string> environment, string committees)
    {
        var (code, output) = await Cli(environment, "run", "annual-assessment", "--set", "year=2024", "--committees", committees);
        Assert.True(code == 0, $"run --committees {committees} exited with {code}:\n{output}");
        return output;
    }

    public void Sql(string sql, object? parameters = null)
    {
        using var connection = SqliteDatabase.Open(Database);
        connection.Execute(sql, parameters);
    }

    public void Dispose() => _folder.Dispose();
}
