using System.Globalization;
using CsCheck;

namespace ReportEngine.Tests.Hardening.Fuzzing;

/// <summary>
/// How long the fuzz tests run, and the loop they share. The inputs come from a fixed seed, so CI runs
/// the same cases every time (about 30 s for all targets on 2 cores); set REPORTENGINE_FUZZ_ITERATIONS
/// (a multiple of the default count of each target, e.g. 20) and REPORTENGINE_FUZZ_SEED (any number) to
/// fuzz longer or elsewhere by hand. A failing case is written to a file named in the failure message.
/// </summary>
public static class FuzzBudget
{
    public const string IterationsVariable = "REPORTENGINE_FUZZ_ITERATIONS";
    public const string SeedVariable = "REPORTENGINE_FUZZ_SEED";

    /// <summary>No input may take longer than this, however hostile: a case that does is a hang.</summary>
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);

    public static ulong Seed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : 20_251_111;

    private static int Multiplier { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var times) && times > 0 ? times : 1;

    /// <summary>FNV-1a of the name: string.GetHashCode differs from one process to the next.</summary>
    private static uint Stream(string target)
    {
        var hash = 2_166_136_261u;
        foreach (var c in target)
        {
            hash = (hash ^ c) * 16_777_619u;
        }

        return hash;
    }

    /// <summary>
    /// Generates <paramref name="iterations"/> (times the multiplier) inputs from the seed and checks each
    /// within <see cref="CaseTimeout"/>; the first input that fails, throws or hangs fails the test.
    /// </summary>
    public static void Run<T>(string target, int iterations, Gen<T> inputs, Func<T, byte[]> bytes, Action<T> check)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(bytes);
        // One stream per target, so adding a target does not change the cases of the others.
        var random = new PCG(Stream(target), Seed);
        for (var i = 0; i < iterations * Multiplier; i++)
        {
            var input = inputs.Generate(random, null!, out _);
            var task = Task.Run(() => check(input));
            Exception? failure = null;
            try
            {
                if (!task.Wait(CaseTimeout))
                {
                    failure = new TimeoutException($"the case did not finish within {CaseTimeout.TotalSeconds} s");
                }
            }
            catch (AggregateException e)
            {
                failure = e.InnerException;
            }

            if (failure is not null)
            {
                var saved = Path.Combine(Path.GetTempPath(), $"reportengine-fuzz-{target}-{Seed}-{i}.bin");
                File.WriteAllBytes(saved, bytes(input));
                Assert.Fail($"{target}, case {i} of seed {Seed} (input saved to {saved}):\n{failure}");
            }
        }
    }
}
