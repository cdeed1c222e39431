using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Web;

/// <summary>The demo database for the console's tests, generated once; each <see cref="ConsoleHost"/> works on its own copy.</summary>
public sealed class WebFixture : DemoDatabaseCopies;

/// <summary>
/// Every console test is in this one collection: they run one after another (each host runs a worker and
/// Kestrel; the machine has two cores shared with other work).
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebGroup : ICollectionFixture<WebFixture>, ICollectionFixture<Browser.Browser>
{
    public const string Name = "web";
}
