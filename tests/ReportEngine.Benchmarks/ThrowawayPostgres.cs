using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ReportEngine.Benchmarks;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1 from Debian's binaries, as the tests' PostgresCluster
/// makes one (trust authentication, fsync off: a benchmark's data is thrown away), removed on dispose.
/// </summary>
internal sealed class ThrowawayPostgres : IDisposable
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";
    private readonly string _data;

    public ThrowawayPostgres()
    {
        _data = Path.Combine(Path.GetTempPath(), "reportengine-bench-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_data);
        Port = FreePort();
        try
        {
            if (IsRoot)
            {
                Run("chown", "postgres:postgres", _data);
            }

            AsPostgres("initdb", "-D", _data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
            // Room for three workers' connection pools besides the benchmark's own.
            AsPostgres("pg_ctl", "-D", _data, "-l", Path.Combine(_data, "server.log"), "-w", "start", "-o",
                string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {_data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}");

    public void CreateDatabase(string name, string? template = null)
    {
        string[] options = template is null ? [] : ["-T", template];
        AsPostgres("createdb", ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", .. options, name]);
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            AsPostgres("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_data, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static void AsPostgres(string tool, params string[] arguments)
    {
        var path = Path.Combine(Binaries, tool);
        if (IsRoot)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
