namespace ReportEngine.Data.Demo;

/// <summary>What <see cref="DemoDataset.Create"/> wrote, for the CLI to print.</summary>
public sealed record DemoSummary(
    string DatabasePath,
    int Localities,
    int Organizations,
    int Members,
    int Activities,
    int Targets,
    int Committees,
    int Recipients,
    TimeSpan Elapsed);
