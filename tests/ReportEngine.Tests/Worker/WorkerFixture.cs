using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Worker;

/// <summary>The demo database for the worker tests, copied afresh for each test.</summary>
public sealed class WorkerFixture : DemoDatabaseCopies;

[CollectionDefinition(Name)]
public sealed class WorkerGroup : ICollectionFixture<WorkerFixture>
{
    public const string Name = "worker";
}
