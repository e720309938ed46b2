using CopyTrader.Domain.Brokers;
using static CopyTrader.Tests.Infrastructure.Tradovate.Sync.TradovateEntities;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

public class TradovateUserStatePositionsAndBalances
{
    [Fact]
    public void ALivePositionChangeComesOutWithZeroPnlOnlyWhenItChanged()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();

        var opened = driver.Created("position", Position(500, 2, 21000.5m, at: 1));
        var same = driver.Updated("position", Position(500, 2, 21000.5m, at: 2));
        var closed = driver.Updated("position", Position(500, 0, null, at: 3));

        Assert.Equal(new PositionUpdateEvent(T0.AddSeconds(1), "25", new BrokerPosition(Symbol, 2, 21000.5m, 0m, 0m)), Assert.Single(opened));
        Assert.Empty(same);
        Assert.Equal(new BrokerPosition(Symbol, 0, 0m, 0m, 0m), Assert.IsType<PositionUpdateEvent>(Assert.Single(closed)).Position);
    }

    [Fact]
    public void ACashBalanceComesOutWithItsRealizedPnl()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();

        var events = driver.Updated("cashBalance", CashBalance(600, 50_250.75m, -40.5m, at: 4));

        Assert.Equal(new BalanceUpdateEvent(T0.AddSeconds(4), "25", new AccountBalance(50_250.75m, -40.5m, 0m)), Assert.Single(events));
        Assert.Equal(new AccountBalance(50_250.75m, -40.5m, 0m), driver.State.Balance("25"));
    }

    [Fact]
    public void PositionsAndBalancesOfAnotherAccountNeverComeOut()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();

        var events = driver.Created("position", Position(500, 1, accountId: OtherAccount))
            .Concat(driver.Created("cashBalance", CashBalance(600, 1m, accountId: OtherAccount)));

        Assert.Empty(events);
    }

    [Fact]
    public void ADeletedPositionShownOpenComesOutFlat()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync(1, ("positions", [Position(500, 3)]));

        var events = driver.Props("position", "Deleted", "{\"id\":500}");

        Assert.Equal(0, Assert.IsType<PositionUpdateEvent>(Assert.Single(events)).Position.Quantity);
        Assert.Empty(driver.State.Positions("25"));
    }

    [Fact]
    public void AnOlderTradeDatesPositionEntityDoesNotHideTheNewerOne()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync(1, ("positions", [Position(501, 2, at: 60), Position(500, 0, null, at: 0)]));

        var stale = driver.Updated("position", Position(500, 5, at: 1));

        Assert.Empty(stale);
        Assert.Equal(2, Assert.Single(driver.State.Positions("25")).Quantity);
    }
}
