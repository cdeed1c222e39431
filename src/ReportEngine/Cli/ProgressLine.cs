namespace ReportEngine.Cli;

/// <summary>
/// Progress of long work (imports, bursts) on stderr, where it never mixes with the output scripts read.
/// On a terminal one line is rewritten in place; written to a file or a pipe (a log, systemd, a test),
/// it is plain lines instead: the first, then at most one a second, and the last, so a log shows the work
/// moving without a line per row. Only for the real stderr: an in-process caller's writer gets none.
/// Bursts report from several lanes at once, hence the lock.
/// </summary>
internal sealed class ProgressLine(TextWriter error, bool terminal, TimeProvider clock)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(1);
    private readonly Lock _lock = new();
    private DateTimeOffset? _lastPlain;
    private string? _pending;
    private bool _written;

    public static ProgressLine? For(TextWriter error, TimeProvider clock) =>
        ReferenceEquals(error, Console.Error) ? new ProgressLine(error, !Console.IsErrorRedirected, clock) : null;

    public void Report(string text)
    {
        lock (_lock)
        {
            if (terminal)
            {
                error.Write($"\r{text}\u001b[K");
                _written = true;
                return;
            }

            var now = clock.GetUtcNow();
            if (_lastPlain is { } last && now - last < PlainInterval)
            {
                _pending = text; // shown as the last line by Done, unless a later report comes after the interval
                return;
            }

            error.WriteLine(text);
            (_lastPlain, _pending) = (now, null);
        }
    }

    /// <summary>Clears the terminal's line, or writes the last state a plain log has not shown yet.</summary>
    public void Done()
    {
        lock (_lock)
        {
            if (terminal && _written)
            {
                error.Write("\r\u001b[K");
            }
            else if (!terminal && _pending is { } last)
            {
                error.WriteLine(last);
            }

            _pending = null;
        }
    }
}
