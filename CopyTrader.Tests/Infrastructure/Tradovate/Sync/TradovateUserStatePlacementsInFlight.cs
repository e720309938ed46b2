using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate.Sync;
using static CopyTrader.Tests.Infrastructure.Tradovate.Sync.TradovateEntities;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

/// <summary>A live fill that arrives before its order's New command while one of our placements awaits its answer.</summary>
public class TradovateUserStatePlacementsInFlight
{
    [Fact]
    public void AFillAheadOfItsNewCommandWaitsWhileAPlacementIsInFlightAndComesOutWithTheCommandsClientOrderId()
    {
        var driver = new TradovateUserStateDriver(placementsInFlight: () => true);
        driver.Sync();

        var early = driver.Created("fill", Fill(500, 100)).Concat(driver.Created("order", Order(100, "Filled"))).ToList();
        var pending = Assert.Single(driver.State.Pending, p => p.Kind == TradovatePendingKind.Fill);
        var released = driver.Created("command", Command(1100, 100, "ct-1"));

        Assert.Empty(early.OfType<FillEvent>());
        Assert.Contains("a placement is in flight", pending.Reason);
        var fill = Assert.Single(released.OfType<FillEvent>());
        Assert.Equal(("500", "ct-1", false), (fill.FillId, fill.ClientOrderId, fill.IsSnapshot));
        Assert.DoesNotContain(driver.State.Pending, p => p.Kind == TradovatePendingKind.Fill);
    }

    [Fact]
    public void AFillWaitingForAPlacementComesOutWithThePlacedClientOrderIdOnceTheAnswerIsIn()
    {
        var inFlight = true;
        string? placed = null;
        var driver = new TradovateUserStateDriver(placedClientOrderIds: id => id == 100 ? placed : null, placementsInFlight: () => inFlight);
        driver.Sync();
        var early = driver.Created("fill", Fill(500, 100)).Concat(driver.Created("order", Order(100, "Filled"))).ToList();

        (inFlight, placed) = (false, "ct-2");
        var released = driver.State.RetryWaiting();

        Assert.Empty(early.OfType<FillEvent>());
        var fill = Assert.Single(released.OfType<FillEvent>());
        Assert.Equal(("500", "ct-2", false), (fill.FillId, fill.ClientOrderId, fill.IsSnapshot));
    }

    [Fact]
    public void WithoutAPlacementInFlightAFillAheadOfItsCommandComesOutAtOnce()
    {
        var driver = new TradovateUserStateDriver(placementsInFlight: () => false);
        driver.Sync();

        driver.Created("fill", Fill(500, 100));
        var released = driver.Created("order", Order(100, "Filled"));

        var fill = Assert.Single(released.OfType<FillEvent>());
        Assert.Equal(("500", null), (fill.FillId, fill.ClientOrderId));
    }

    [Fact]
    public void AHumanOrdersFillWhoseNewCommandHasNoClientOrderIdIsNotHeldByAPlacement()
    {
        var driver = new TradovateUserStateDriver(placementsInFlight: () => true);
        driver.Sync();

        driver.Created("order", Order(100, "Working"));
        driver.Created("command", Command(1100, 100, clOrdId: null));
        var released = driver.Created("fill", Fill(500, 100));

        Assert.Null(Assert.Single(released.OfType<FillEvent>()).ClientOrderId);
    }

    [Fact]
    public void AnOrderAheadOfItsNewCommandWaitsWhileAPlacementIsInFlightAndComesOutWithItsClientOrderId()
    {
        var driver = new TradovateUserStateDriver(placementsInFlight: () => true);
        driver.Sync();

        var early = driver.Created("order", Order(100, "Working")).Concat(driver.Created("orderVersion", Version(2100, 100))).ToList();
        var released = driver.Created("command", Command(1100, 100, "ct-3"));

        Assert.Empty(early.OfType<OrderUpdateEvent>());
        Assert.Equal("ct-3", Assert.Single(released.OfType<OrderUpdateEvent>()).Order.ClientOrderId);
    }
}
