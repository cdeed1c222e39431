using ReportEngine.Import;

namespace ReportEngine.Tests.Hardening.Fuzzing;

/// <summary>The property every fuzzed entry point must keep: accepted, or refused with our own exception and one-line messages.</summary>
public static class Outcome
{
    public static void AcceptedOrRefused(Action read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            read();
        }
        catch (ImportRejectedException e)
        {
            Assert.NotEmpty(e.Lines);
            foreach (var line in e.Lines)
            {
                OneLine(line);
            }
        }
        catch (ReportEngineException e)
        {
            OneLine(e.Message);
        }
    }

    /// <summary>A message the CLI prints after `error: ` (or a validator after its indent): one line, not empty.</summary>
    public static void OneLine(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message), "an empty message");
        Assert.True(message.IndexOfAny(['\n', '\r', '\u2028', '\u2029', '\u0085']) < 0, $"a message of several lines:\n{message}");
    }
}
