using CopyTrader.Domain.Brokers;

namespace CopyTrader.Tests.Domain;

public class RequestPacerReserve
{
    private static readonly TimeSpan T0 = TimeSpan.FromHours(1);

    [Fact]
    public void LetsABurstThroughThenSpacesByRate()
    {
        var pacer = new RequestPacer(perSecond: 4, burst: 3);

        var waits = Enumerable.Range(0, 6).Select(_ => pacer.Reserve(T0).TotalMilliseconds).ToList();

        Assert.Equal([0, 0, 0, 250, 500, 750], waits);
    }

    [Fact]
    public void RefillsWithTime()
    {
        var pacer = new RequestPacer(perSecond: 2, burst: 2);
        pacer.Reserve(T0);
        pacer.Reserve(T0);

        Assert.Equal(TimeSpan.FromMilliseconds(500), pacer.Reserve(T0));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve(T0 + TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve(T0 + TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromMilliseconds(500), pacer.Reserve(T0 + TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void RefusesZeroRateOrBurst(int perSecond, int burst) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestPacer(perSecond, burst));
}
