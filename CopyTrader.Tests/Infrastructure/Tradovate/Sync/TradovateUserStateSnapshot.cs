using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Sync;
using static CopyTrader.Tests.Infrastructure.Tradovate.Sync.TradovateEntities;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

public class TradovateUserStateSnapshot
{
    private static readonly (string, string[])[] Day =
    [
        ("orders", [Order(100, "Filled"), Order(101, "Working", "Sell"), Order(102, "Working", accountId: OtherAccount)]),
        ("orderVersions", [Version(200, 100, 2), Version(201, 101, 1, "Limit", price: 21100m), Version(202, 102)]),
        ("commands", [Command(300, 100, "ct-a"), Command(301, 101, "ct-b")]),
        ("fills", [Fill(400, 100, 1, at: 1), Fill(401, 100, 1, at: 2), Fill(402, 102)]),
        ("positions", [Position(500, 2, 21000.5m), Position(501, 0, null, contractId: OtherContractId), Position(502, 3, accountId: OtherAccount)]),
        ("cashBalances", [CashBalance(600, 50_000m, 125.5m), CashBalance(601, 1m, accountId: OtherAccount)]),
    ];

    [Fact]
    public void EmitsHistoryOnlyThenOneSnapshotComplete()
    {
        var driver = new TradovateUserStateDriver();

        var events = driver.Sync(1, Day);

        Assert.All(events.SkipLast(1), e => Assert.True(e.IsSnapshot));
        Assert.IsType<SnapshotCompleteEvent>(events[^1]);
        Assert.Single(events.OfType<SnapshotCompleteEvent>());
        Assert.True(driver.State.IsSynced);
        Assert.Empty(driver.State.Problems);
    }

    [Fact]
    public void ShowsPositionsBalancesWorkingOrdersAndFillsOfTheScopeOnly()
    {
        var driver = new TradovateUserStateDriver();

        var events = driver.Sync(1, Day);

        var position = Assert.Single(events.OfType<PositionUpdateEvent>());
        Assert.Equal(new PositionUpdateEvent(T0, "25", new BrokerPosition(Symbol, 2, 21000.5m, 0m, 0m)) { IsSnapshot = true }, position);
        var balance = Assert.Single(events.OfType<BalanceUpdateEvent>());
        Assert.Equal(new AccountBalance(50_000m, 125.5m, 0m), balance.Balance);
        var order = Assert.Single(events.OfType<OrderUpdateEvent>());
        Assert.Equal(new BrokerOrder("101", "ct-b", Symbol, Side.Sell, OrderType.Limit, 1, 0, 21100m, null, OrderStatus.Working, null), order.Order);
        Assert.Equal(["400", "401"], events.OfType<FillEvent>().Select(f => f.FillId));
        Assert.All(events.OfType<FillEvent>(), f => Assert.Equal("ct-a", f.ClientOrderId));
        Assert.DoesNotContain(events, e => e is PositionUpdateEvent { AccountId: not "25" } or BalanceUpdateEvent { AccountId: not "25" });
    }

    [Fact]
    public void HistoryComesInTheOrderPositionsBalancesOrdersFills()
    {
        var driver = new TradovateUserStateDriver();

        var events = driver.Sync(1, Day);

        Assert.Equal(
            [typeof(PositionUpdateEvent), typeof(BalanceUpdateEvent), typeof(OrderUpdateEvent), typeof(FillEvent), typeof(FillEvent), typeof(SnapshotCompleteEvent)],
            events.Select(e => e.GetType()));
    }

    [Fact]
    public void PropsBeforeTheSnapshotAreHeldAndAppliedLiveAfterIt()
    {
        var driver = new TradovateUserStateDriver();
        driver.Session(1);

        var early = driver.Created("cashBalance", CashBalance(600, 49_000m));
        var events = driver.Snapshot(ReferenceSnapshot(("cashBalances", [CashBalance(600, 50_000m)])));

        Assert.Empty(early);
        Assert.Equal([50_000m, 49_000m], events.OfType<BalanceUpdateEvent>().Select(b => b.Balance.CashBalance));
        Assert.Equal([true, false], events.OfType<BalanceUpdateEvent>().Select(b => b.IsSnapshot));
        Assert.IsType<SnapshotCompleteEvent>(events[1]);
    }

    [Fact]
    public void ANewSessionFlattensAPositionClosedWhileDisconnected()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync(1, ("positions", [Position(500, 2)]));

        var events = driver.Sync(2, ("positions", [Position(500, 0, null)]));

        var flat = Assert.Single(events.OfType<PositionUpdateEvent>());
        Assert.True(flat.IsSnapshot);
        Assert.Equal(0, flat.Position.Quantity);
        Assert.Equal(Symbol, flat.Position.Symbol);
    }

    [Fact]
    public void ANewSessionFlattensAPositionMissingFromItsSnapshot()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync(1, ("positions", [Position(500, -1)]));

        var events = driver.Sync(2);

        var flat = Assert.Single(events.OfType<PositionUpdateEvent>());
        Assert.Equal(new BrokerPosition(Symbol, 0, 0m, 0m, 0m), flat.Position);
        Assert.True(flat.IsSnapshot);
    }

    [Fact]
    public void ANewSessionShowsOpenPositionsAgainEvenWhenUnchanged()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync(1, ("positions", [Position(500, 2)]));

        var events = driver.Sync(2, ("positions", [Position(500, 2)]));

        Assert.Equal(2, Assert.Single(events.OfType<PositionUpdateEvent>()).Position.Quantity);
        Assert.Single(events.OfType<SnapshotCompleteEvent>());
    }

    [Fact]
    public void LaterChunksOfASplitSnapshotMergeAsHistoryWithoutAnotherComplete()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync(1);

        var events = driver.Snapshot(Snapshot(
            ("orders", [Order(101, "Working")]), ("orderVersions", [Version(201, 101, 1, "Stop", stopPrice: 20900m)]), ("fills", [Fill(400, 101)])));

        Assert.DoesNotContain(events, e => e is SnapshotCompleteEvent);
        Assert.All(events, e => Assert.True(e.IsSnapshot));
        Assert.Equal(OrderStatus.PartiallyFilled, Assert.Single(events.OfType<OrderUpdateEvent>()).Order.Status);
        Assert.Single(events.OfType<FillEvent>());
    }

    [Fact]
    public void ASnapshotThatIsNotAnObjectIsAProblemAndDoesNotComplete()
    {
        var driver = new TradovateUserStateDriver();
        driver.Session(1);

        var events = driver.Snapshot("[1,2]");

        Assert.Empty(events);
        Assert.False(driver.State.IsSynced);
        Assert.Equal("snapshot is a Array, not an object; waiting for a snapshot that is", Assert.Single(driver.State.Problems).Reason);
        Assert.Single(driver.Snapshot(ReferenceSnapshot()).OfType<SnapshotCompleteEvent>());
    }

    [Fact]
    public void AWaitingSnapshotPositionHoldsTheCompletionAndLiveChangesUntilItsContractArrives()
    {
        var driver = new TradovateUserStateDriver();
        driver.Session(1);
        var snapshot = driver.Snapshot(Snapshot(("accounts", [AccountEntity()]), ("positions", [Position(500, 2, contractId: 777)])));
        var live = driver.Created("position", Position(500, 3, contractId: 777, at: 5));

        Assert.Empty(snapshot);
        Assert.Empty(live);
        Assert.False(driver.State.IsSynced);
        Assert.Equal([777L], driver.State.MissingContractIds);

        var released = driver.AddContract(777, "MESZ6");

        Assert.Collection(
            released,
            e => Assert.Equal((true, 2), (e.IsSnapshot, Assert.IsType<PositionUpdateEvent>(e).Position.Quantity)),
            e => Assert.IsType<SnapshotCompleteEvent>(e),
            e => Assert.Equal((false, 3), (e.IsSnapshot, Assert.IsType<PositionUpdateEvent>(e).Position.Quantity)));
        Assert.True(driver.State.IsSynced);
        Assert.Empty(driver.State.Pending);
    }

    [Fact]
    public void APositionOfASecondChunkWaitingForItsContractAlsoHoldsTheCompletion()
    {
        var driver = new TradovateUserStateDriver();
        driver.Session(1);
        driver.Snapshot(Snapshot(("positions", [Position(500, 2, contractId: 777)])));
        driver.Snapshot(Snapshot(("positions", [Position(501, -1, contractId: 778)])));

        var first = driver.AddContract(777, "MESZ6");
        var second = driver.AddContract(778, "M2KZ6");

        Assert.DoesNotContain(first, e => e is SnapshotCompleteEvent);
        Assert.Equal([typeof(PositionUpdateEvent), typeof(SnapshotCompleteEvent)], second.Select(e => e.GetType()));
    }

    [Fact]
    public void ANewSessionDropsTheChangesHeldForTheOldOneWithAProblem()
    {
        var driver = new TradovateUserStateDriver();
        driver.Session(1);
        driver.Created("cashBalance", CashBalance(600, 1m));

        driver.Session(2);

        Assert.Equal("dropped 1 live change(s) held for session 1: session 2 starts with a fresh snapshot", Assert.Single(driver.State.Problems).Reason);
        var events = driver.Snapshot(ReferenceSnapshot());
        Assert.Equal([typeof(SnapshotCompleteEvent)], events.Select(e => e.GetType()));
    }
}
