using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Delivery;

/// <summary>The demo database for the delivery tests, copied afresh for each test.</summary>
public sealed class DeliveryFixture : DemoDatabaseCopies;

[CollectionDefinition(Name)]
public sealed class DeliveryGroup : ICollectionFixture<DeliveryFixture>
{
    public const string Name = "delivery";
}
