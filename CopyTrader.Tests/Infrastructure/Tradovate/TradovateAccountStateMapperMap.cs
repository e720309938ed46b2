using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateAccountStateMapperMap
{
    private static readonly DateTimeOffset Time = new(2026, 11, 4, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MapsAShortPositionAndItsEvent()
    {
        var json = "{\"id\":8,\"accountId\":25,\"contractId\":560901,\"timestamp\":\"2026-11-04T15:00:00Z\",\"netPos\":-3,\"netPrice\":21000.5,\"prevPos\":0}";

        var position = TradovateAccountStateMapper.Position(TradovatePropsDecode.Json(json), _ => "MNQZ6").Value!;

        Assert.Equal(new TradovatePositionState(8, 25, 560901, "MNQZ6", Time, -3, 21000.5m), position);
        Assert.Equal(new PositionUpdateEvent(Time, "25", new BrokerPosition("MNQZ6", -3, 21000.5m, 12m, 0m)), position.ToEvent(12m, 0m));
    }

    [Fact]
    public void MapsAFlatPositionWithoutNetPrice()
    {
        var json = "{\"id\":8,\"accountId\":25,\"contractId\":560901,\"timestamp\":\"2026-11-04T15:00:00Z\",\"netPos\":0}";

        var position = TradovateAccountStateMapper.Position(TradovatePropsDecode.Json(json), _ => "MNQZ6").Value!;

        Assert.Equal(0, position.NetPos);
        Assert.Null(position.NetPrice);
    }

    [Fact]
    public void PositionIsUnresolvedWhenTheContractIsUnknown()
    {
        var json = "{\"id\":8,\"accountId\":25,\"contractId\":9,\"timestamp\":\"2026-11-04T15:00:00Z\",\"netPos\":1,\"netPrice\":5}";

        var result = TradovateAccountStateMapper.Position(TradovatePropsDecode.Json(json), _ => null);

        Assert.Equal(TradovateWireOutcome.Unresolved, result.Outcome);
        Assert.Equal("position 8 is for contract 9, whose symbol is not known", result.Reason);
    }

    [Fact]
    public void MapsACashBalanceAndItsEvent()
    {
        var json = "{\"id\":3,\"accountId\":25,\"timestamp\":\"2026-11-04T15:00:00Z\",\"currencyId\":1,\"amount\":50012.75,\"realizedPnL\":-87.5}";

        var balance = TradovateAccountStateMapper.CashBalance(TradovatePropsDecode.Json(json)).Value!;

        Assert.Equal(new TradovateCashBalanceState(3, 25, 1, Time, 50012.75m, -87.5m), balance);
        Assert.Equal(new BalanceUpdateEvent(Time, "25", new AccountBalance(50012.75m, -87.5m, 40m)), balance.ToEvent(40m));
    }

    [Fact]
    public void CashBalanceWithoutAmountIsMalformed()
    {
        var json = "{\"id\":3,\"accountId\":25,\"timestamp\":\"2026-11-04T15:00:00Z\",\"currencyId\":1}";

        var result = TradovateAccountStateMapper.CashBalance(TradovatePropsDecode.Json(json));

        Assert.Equal(TradovateWireOutcome.Malformed, result.Outcome);
        Assert.Equal("cashBalance has no \"amount\"", result.Reason);
    }
}
