using System.Diagnostics;

namespace ReportEngine.Runs;

/// <summary>
/// Test-only hook: with REPORTENGINE_TEST_CRASH_AT set to a point's name, the process kills itself
/// (SIGKILL, as kill -9) on reaching that point, so a test can prove what the next start makes of
/// it. Never set it in production.
/// </summary>
public static class CrashPoint
{
    public const string Variable = "REPORTENGINE_TEST_CRASH_AT";

    /// <summary>The archive name and hash are recorded on the run; the PDF is still in staging.</summary>
    public const string AfterRecordPath = "after-record-path";

    /// <summary>The PDF is renamed into the archive (and the folder synced); the run is still running.</summary>
    public const string AfterRename = "after-rename";

    /// <summary>The last moment before the run is recorded as succeeded.</summary>
    public const string BeforeRecordSucceeded = "before-record-succeeded";

    public static void Reach(string point)
    {
        if (Environment.GetEnvironmentVariable(Variable) == point)
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
