using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate.Sync;
using static CopyTrader.Tests.Infrastructure.Tradovate.Sync.TradovateEntities;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

public class TradovateUserStateProblems
{
    [Fact]
    public void AMalformedLiveEntityIsSkippedWithItsReasonAndExcerpt()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100);

        var events = driver.Created("fill", "{\"id\":400,\"orderId\":100,\"contractId\":560901,\"timestamp\":\"2026-11-04T15:00:00Z\",\"action\":\"Hold\",\"qty\":1,\"price\":1}");

        Assert.Empty(events);
        var problem = Assert.Single(driver.State.Problems);
        Assert.Equal("skipped: fill field \"action\" is not \"Buy\" or \"Sell\": \"Hold\"", problem.Reason);
        Assert.StartsWith("{\"id\":400,", problem.Excerpt);
        Assert.Equal(T0, problem.TimeUtc);
    }

    [Fact]
    public void AMalformedSnapshotEntityIsSkippedAndItsNeighboursStillApply()
    {
        var driver = new TradovateUserStateDriver();

        var events = driver.Sync(1, ("positions", ["{\"id\":499,\"accountId\":25}", Position(500, 1)]), ("cashBalances", ["17"]));

        Assert.Single(events.OfType<PositionUpdateEvent>());
        Assert.Single(events.OfType<SnapshotCompleteEvent>());
        Assert.Equal(
            ["skipped: position has no \"contractId\"", "skipped: cashBalance is a Number, not an object"],
            driver.State.Problems.Select(p => p.Reason));
    }

    [Fact]
    public void ASnapshotArrayThatIsNotAnArrayIsAProblem()
    {
        var driver = new TradovateUserStateDriver();
        driver.Session(1);

        var events = driver.Snapshot("{\"users\":[],\"positions\":{\"id\":1},\"orders\":null}");

        Assert.Single(events.OfType<SnapshotCompleteEvent>());
        Assert.Equal("snapshot \"positions\" is a Object, not an array", Assert.Single(driver.State.Problems).Reason);
    }

    [Fact]
    public void AnEntityArrayInOneChangeAppliesEveryElement()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100, qty: 3);
        var change = new CopyTrader.Infrastructure.Brokers.Tradovate.Wire.TradovatePropsEvent(
            "fill", CopyTrader.Infrastructure.Brokers.Tradovate.Wire.TradovateEntityEventType.Created, Json($"[{Fill(400, 100)},{Fill(401, 100)},7]"));

        var events = driver.Apply(new CopyTrader.Infrastructure.Brokers.Tradovate.TradovateSessionMessage.Props(change));

        Assert.Equal(["400", "401"], events.OfType<FillEvent>().Select(f => f.FillId));
        Assert.Equal("skipped: fill is a Number, not an object", Assert.Single(driver.State.Problems).Reason);
    }

    [Fact]
    public void OnlyTheNewestProblemsAreKeptButAllAreCounted()
    {
        var driver = new TradovateUserStateDriver(new TradovateUserStateOptions { MaxProblems = 2 });
        driver.Sync();

        for (var i = 0; i < 5; i++)
        {
            driver.Created("cashBalance", $"{{\"id\":{i}}}");
        }

        Assert.Equal(2, driver.State.Problems.Count);
        Assert.Equal(5, driver.State.ProblemCount);
    }

    [Fact]
    public void UnknownEntityTypesAreIgnoredQuietly()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();

        var events = driver.Created("marginSnapshot", "{\"id\":1,\"accountId\":25}").Concat(driver.Created("fillPair", "{\"id\":2}"));

        Assert.Empty(events);
        Assert.Empty(driver.State.Problems);
    }
}
