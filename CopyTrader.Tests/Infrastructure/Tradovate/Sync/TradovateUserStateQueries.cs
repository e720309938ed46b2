using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Sync;
using Microsoft.Extensions.Time.Testing;
using static CopyTrader.Tests.Infrastructure.Tradovate.Sync.TradovateEntities;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Sync;

public class TradovateUserStateQueries
{
    [Fact]
    public void AnswersAccountsPositionsOrdersAndContracts()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync(1,
            ("positions", [Position(500, -2, 21000m), Position(501, 0, null, contractId: OtherContractId)]),
            ("orders", [Order(100), Order(101, "Filled")]),
            ("orderVersions", [Version(2100, 100, 1, "Limit", price: 20000m), Version(2101, 101)]),
            ("cashBalances", [CashBalance(600, 10m)]));

        Assert.Equal([new BrokerAccount("25", "DEMO25"), new BrokerAccount("26", "DEMO26")], driver.State.Accounts);
        Assert.Equal("DEMO25", driver.State.AccountName("25"));
        Assert.Null(driver.State.AccountName("99"));
        Assert.Equal([new BrokerPosition(Symbol, -2, 21000m, 0m, 0m)], driver.State.Positions("25"));
        Assert.Equal(["100"], driver.State.WorkingOrders("25").Select(o => o.BrokerOrderId));
        Assert.Equal(new AccountBalance(10m, 0m, 0m), driver.State.Balance("25"));
        Assert.Equal(ContractId, driver.State.ContractIdFor(Symbol));
        Assert.Equal(OtherSymbol, driver.State.SymbolFor(OtherContractId));
        Assert.Null(driver.State.ContractIdFor("NQH7"));
        Assert.Null(driver.State.SymbolFor(1));
    }

    [Fact]
    public void AccountDataOfAnAccountNotServedIsAnError()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();

        var error = Assert.Throws<ArgumentException>(() => driver.State.Positions("26"));

        Assert.StartsWith("Tradovate account 26 is not served by this connection.", error.Message);
        Assert.Throws<ArgumentException>(() => driver.State.WorkingOrders("abc"));
    }

    [Fact]
    public void AccountDataBeforeTheSnapshotIsCompleteIsAnError()
    {
        var state = new TradovateUserState(["25"], new FakeTimeProvider(T0));

        Assert.Equal(
            "Tradovate account 25: the session's snapshot is not complete yet.",
            Assert.Throws<InvalidOperationException>(() => state.Positions("25")).Message);
        Assert.Throws<InvalidOperationException>(() => state.Accounts);
    }

    [Fact]
    public void PositionsOfAnAccountWithAPositionWaitingForItsContractAreAnError()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.Created("position", Position(500, 1, contractId: 777));

        var error = Assert.Throws<InvalidOperationException>(() => driver.State.Positions("25"));

        Assert.Equal("Tradovate account 25 is not complete: position 500 is for contract 777, whose symbol is not known.", error.Message);
        driver.AddContract(777, "MESZ6");
        Assert.Equal("MESZ6", Assert.Single(driver.State.Positions("25")).Symbol);
    }

    [Fact]
    public void WorkingOrdersIncludePartiallyFilledOnes()
    {
        var driver = new TradovateUserStateDriver();
        driver.Sync();
        driver.WorkingOrder(100, qty: 2);
        driver.Created("fill", Fill(400, 100));

        Assert.Equal(OrderStatus.PartiallyFilled, Assert.Single(driver.State.WorkingOrders("25")).Status);
    }

    [Fact]
    public void AnAccountIdThatIsNotANumberIsRejectedAtConstruction()
    {
        var error = Assert.Throws<ArgumentException>(() => new TradovateUserState(["DEMO25"], new FakeTimeProvider(T0)));

        Assert.StartsWith("\"DEMO25\" is not a Tradovate account id (a whole number).", error.Message);
    }
}
