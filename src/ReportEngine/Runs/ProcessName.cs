using System.Diagnostics;
using System.Globalization;

namespace ReportEngine.Runs;

/// <summary>How a process signs the runs it executes and the worker it is: host:process id.</summary>
public static class ProcessName
{
    public static string Current { get; } = $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Whether the named process, other than this one, still runs; a process on another host is assumed to.
    /// Asked about records this process did not write, so its own name answers false.
    /// </summary>
    public static bool IsAlive(string? name)
    {
        var parts = name?.Split(':') ?? [];
        if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        if (parts[0] != Environment.MachineName)
        {
            return true;
        }

        if (pid == Environment.ProcessId)
        {
            // Our own id on a record we did not write: an earlier process that had it (a container's pid 1, say).
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
