using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate.Sync;
using static CopyTrader.Tests.Infrastructure.Tradovate.Sync.TradovateEntities;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

public class TradovateUserStateReordering
{
    [Fact]
    public void FillsBeforeTheirOrderWaitAndComeOutInArrivalOrderWhenItArrives()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();

        var early = driver.Created("fill", Fill(401, 100, at: 1)).Concat(driver.Created("fill", Fill(400, 100, at: 2))).ToList();
        var pending = driver.State.Pending;
        var released = driver.Created("order", Order(100, "Filled"));

        Assert.Empty(early);
        Assert.Equal(
            [new TradovatePendingItem(TradovatePendingKind.Fill, 401, "fill 401 belongs to order 100, whose account is not known", T0, false, 100, null),
             new TradovatePendingItem(TradovatePendingKind.Fill, 400, "fill 400 belongs to order 100, whose account is not known", T0, false, 100, null)],
            pending);
        Assert.Equal(["401", "400"], released.OfType<FillEvent>().Select(f => f.FillId));
        Assert.All(released.OfType<FillEvent>(), f => Assert.False(f.IsSnapshot));
        Assert.DoesNotContain(driver.State.Pending, p => p.Kind == TradovatePendingKind.Fill);
    }

    [Fact]
    public void AFillBeforeItsContractIsReportedMissingAndReleasedByAddContract()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100, contractId: 777);

        var early = driver.Created("fill", Fill(400, 100, contractId: 777));

        Assert.Empty(early);
        Assert.Equal([777L], driver.State.MissingContractIds);
        Assert.Contains(driver.State.Pending, p => p is { Kind: TradovatePendingKind.Fill, EntityId: 400, MissingContractId: 777, Reason: "fill 400 is for contract 777, whose symbol is not known" });

        var released = driver.AddContract(777, "MESZ6");

        // in arrival order: the order waited first
        Assert.Equal([typeof(OrderUpdateEvent), typeof(FillEvent)], released.Select(e => e.GetType()));
        var fill = Assert.Single(released.OfType<FillEvent>());
        Assert.Equal(("MESZ6", false), (fill.Symbol, fill.IsSnapshot));
        Assert.Equal("MESZ6", Assert.Single(released.OfType<OrderUpdateEvent>()).Order.Symbol);
        Assert.Empty(driver.State.MissingContractIds);
        Assert.Empty(driver.State.Pending);
        Assert.Equal(777L, driver.State.ContractIdFor("mesz6"));
    }

    [Fact]
    public void AContractByIdAndNameReleasesToo()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100, contractId: 777);
        driver.Created("fill", Fill(400, 100, contractId: 777));

        var released = driver.State.AddContract(777, "MESZ6");

        Assert.Equal("MESZ6", Assert.Single(released.OfType<FillEvent>()).Symbol);
    }

    [Fact]
    public void AContractFromPropsReleasesTooInArrivalOrder()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("order", Order(100, contractId: 777));
        driver.Created("fill", Fill(400, 100, contractId: 777, at: 1));
        driver.Created("position", Position(500, 1, contractId: 777, at: 1));
        driver.Created("fill", Fill(401, 100, contractId: 777, at: 2));

        var released = driver.Created("contract", ContractEntity(777, "MESZ6"));

        Assert.Equal([typeof(FillEvent), typeof(PositionUpdateEvent), typeof(FillEvent)], released.Select(e => e.GetType()));
        Assert.Equal([TradovatePendingKind.Order], driver.State.Pending.Select(p => p.Kind)); // still no orderVersion
    }

    [Fact]
    public void AnOrderWaitsForItsVersionAndComesOutWhenItArrives()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();

        var created = driver.Created("order", Order(100, "PendingNew"));
        var waiting = Assert.Single(driver.State.Pending);
        var version = driver.Created("orderVersion", Version(2100, 100, 3));

        Assert.Empty(created);
        Assert.Equal("order 100 has no orderVersion yet (its quantity and type are not known)", waiting.Reason);
        Assert.Null(waiting.MissingContractId);
        Assert.Equal(3, Assert.Single(version.OfType<OrderUpdateEvent>()).Order.Quantity);
        Assert.Empty(driver.State.Pending);
    }

    [Fact]
    public void PendingItemsBeyondTheBoundAreGivenUpAsProblemsOldestFirst()
    {
        var driver = new TradovateUserStateDriver(new TradovateUserStateOptions { MaxPending = 2 });
        driver.Sync();

        driver.Created("fill", Fill(400, 100));
        driver.Created("fill", Fill(401, 101));
        driver.Created("fill", Fill(402, 102));

        Assert.Equal([401L, 402L], driver.State.Pending.Select(p => p.EntityId));
        var problem = Assert.Single(driver.State.Problems);
        Assert.Equal("gave up waiting, more than 2 items wait: fill 400 belongs to order 100, whose account is not known", problem.Reason);
        Assert.Contains("\"id\":400", problem.Excerpt);
    }

    [Fact]
    public void AFillWaitingFromAnOldSessionComesOutAsHistoryInTheNext()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("fill", Fill(400, 100));

        var events = driver.Sync(2, ("orders", [Order(100, "Filled")]), ("orderVersions", [Version(2100, 100)]));

        var fill = Assert.Single(events.OfType<FillEvent>());
        Assert.True(fill.IsSnapshot);
        Assert.Empty(driver.LiveFills);
    }

    [Fact]
    public void AnOlderLiveStatusArrivingAfterTheFinalOneDoesNotReopenTheOrder()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();

        driver.Created("order", Order(100, "Filled"));
        driver.Created("orderVersion", Version(2100, 100));
        driver.Created("command", Command(1100, 100, "ct-4"));
        driver.Updated("order", Order(100, "Working"));
        driver.Created("order", Order(100, "PendingNew"));

        Assert.Empty(driver.State.WorkingOrders("25"));
        Assert.All(driver.Events.OfType<OrderUpdateEvent>(), e => Assert.Equal(CopyTrader.Domain.Trading.OrderStatus.Filled, e.Order.Status));
    }
}
