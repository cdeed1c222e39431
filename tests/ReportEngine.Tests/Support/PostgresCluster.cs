using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ReportEngine.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1 from Debian's binaries (initdb, pg_ctl), trust
/// authentication, removed on dispose. Run as root, the server runs as the postgres user.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";
    private readonly string _data;

    public PostgresCluster()
    {
        _data = Path.Combine(Path.GetTempPath(), "reportengine-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_data);
        Port = FreePort();
        try
        {
            if (IsRoot)
            {
                Run("chown", "postgres:postgres", _data);
            }

            AsPostgres("initdb", "-D", _data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
            AsPostgres("pg_ctl", "-D", _data, "-l", Path.Combine(_data, "server.log"), "-w", "start",
                "-o", string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {_data} -c listen_addresses=127.0.0.1 -c fsync=off"));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public static bool IsAvailable => File.Exists(Path.Combine(Binaries, "initdb"));

    public int Port { get; }

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}");

    public void CreateDatabase(string name) =>
        AsPostgres("createdb", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", name);

    /// <summary>From now on the role logs in over TCP only with its password (SCRAM), not by trust.</summary>
    public void RequirePassword(string role)
    {
        var hba = Path.Combine(_data, "pg_hba.conf");
        File.WriteAllText(hba, $"host all {role} 127.0.0.1/32 scram-sha-256\n" + File.ReadAllText(hba));
        AsPostgres("pg_ctl", "-D", _data, "-w", "reload");
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
