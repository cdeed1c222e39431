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

    /// <summary>
    /// `run annual-assessment --set year=2024 --committees SELECTOR`; the runs must succeed, and the exit code
    /// is 0 unless a delivery failed or the SMTP settings stopped e-mail (then pass expectedExitCode: 1).
    /// </summary>
    public async Task<string> Burst(IReadOnlyDictionary<string, string> environment, string committees, int expectedExitCode = 0)
    {
        var (code, output) = await Cli(environment, "run", "annual-assessment", "--set", "year=2024", "--committees", committees);
        Assert.True(code == expectedExitCode, $"run --committees {committees} exited with {code}, not {expectedExitCode}:\n{output}");
        return output;
    }

    /// <summary>Makes a drop folder as an admin does: the folder, and the marker file that says the share is mounted.</summary>
    public string DropFolder(string name)
    {
        var folder = Directory.CreateDirectory(File(name)).FullName;
        System.IO.File.WriteAllText(System.IO.Path.Combine(folder, FileDrop.Marker), "");
        return folder;
    }

    /// <summary>The files a drop folder received (its marker file aside).</summary>
    public static string[] Dropped(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => System.IO.Path.GetFileName(f) != FileDrop.Marker).ToArray();

    public void Sql(string sql, object? parameters = null)
    {
        using var connection = SqliteDatabase.Open(Database);
        connection.Execute(sql, parameters);
    }

    public void Dispose() => _folder.Dispose();
}
