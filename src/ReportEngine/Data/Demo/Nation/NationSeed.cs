namespace ReportEngine.Data.Demo.Nation;

/// <summary>
/// The random generator of one organisation's rows, from the seed and the organisation alone, so its
/// members and activities are the same whatever was generated before them. (Not HashCode: it is
/// salted per process.)
/// </summary>
internal static class NationSeed
{
    public static Random For(int seed, int stream, int id) => new(unchecked((seed * 1_000_003) ^ (stream * 7_919) ^ (id * 104_729)));
}
