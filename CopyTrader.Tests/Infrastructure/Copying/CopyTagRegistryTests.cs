using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Tests.Infrastructure.Copying;

public class CopyTagRegistryTests
{
    [Fact]
    public void RecognisesOurOrdersByClientIdOrBrokerId()
    {
        var registry = new CopyTagRegistry();
        registry.RegisterInFlight("CT-1");
        registry.RegisterBrokerOrder("B-1");

        Assert.True(registry.IsOurs("CT-1", null));
        Assert.True(registry.IsOurs(null, "B-1"));
        Assert.False(registry.IsOurs("B-1", "CT-1")); // the two kinds of id never mix
        Assert.False(registry.IsOurs(null, null));
    }

    [Fact]
    public void ForgetsTheOldestBeyondCapacity()
    {
        var registry = new CopyTagRegistry(capacity: 2);
        registry.RegisterInFlight("a");
        registry.RegisterInFlight("b");
        registry.RegisterInFlight("c");

        Assert.False(registry.IsOurs("a", null));
        Assert.True(registry.IsOurs("b", null));
        Assert.True(registry.IsOurs("c", null));
    }
}
