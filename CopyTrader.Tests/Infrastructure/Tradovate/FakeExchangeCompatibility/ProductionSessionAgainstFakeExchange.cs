using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;
using CopyTrader.Tests.Fakes.Tradovate;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopyTrader.Tests.Infrastructure.Tradovate.FakeExchangeCompatibility;

/// <summary>The production socket session and wire mappers against the exchange-built snapshot and live props.</summary>
public class ProductionSessionAgainstFakeExchange
{
    [Fact]
    public async Task SessionDecodesTheSnapshotAndAPlatformFill()
    {
        await using var server = await FakeTradovateServer.StartAsync(FakeTradovateOptions.ForExchange() with { HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        var leader = server.Exchange.AddAccount("LEADER");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var session = new TradovateSocketSession(
            server.WebSocketUrl, FakeTradovateServer.DefaultToken, TradovateSyncRequest.ForUser(FakeTradovateSnapshot.UserId),
            new TradovateSocketOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(150), ServerSilenceTimeout = TimeSpan.FromSeconds(2) },
            TimeProvider.System, NullLogger<TradovateSocketSession>.Instance);
        var run = session.RunAsync(deadline.Token);

        var snapshot = Assert.IsType<TradovateSessionMessage.Snapshot>(await session.Messages.ReadAsync(deadline.Token));
        var symbols = snapshot.Data.GetProperty("contracts").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetInt64(), c => c.GetProperty("name").GetString());
        var orderId = server.Exchange.TradeInPlatform(leader.Id, "MNQZ6", "Sell", 2);
        var changes = new List<TradovatePropsEvent>();
        while (changes.Count < 11)
        {
            changes.Add(Assert.IsType<TradovateSessionMessage.Props>(await session.Messages.ReadAsync(deadline.Token)).Change);
        }

        var order = TradovateOrderMapper.Map(changes[0].Entity, id => symbols.GetValueOrDefault(id));
        var fill = TradovateFillMapper.Map(changes.Single(c => c.EntityType == "fill").Entity, new TradovateLookups(
            id => symbols.GetValueOrDefault(id), id => id == orderId ? leader.Id : null));
        var position = TradovateAccountStateMapper.Position(changes.Single(c => c.EntityType == "position").Entity, id => symbols.GetValueOrDefault(id));
        var cash = TradovateAccountStateMapper.CashBalance(changes.Single(c => c.EntityType == "cashBalance").Entity);
        await deadline.CancelAsync();
        await run;

        Assert.Equal(("MNQZ6", Side.Sell), (order.Value!.Symbol, order.Value.Side));
        Assert.Equal((2, 21_000m, Side.Sell), (fill.Value!.Quantity, fill.Value.Price, fill.Value.Side));
        Assert.Equal((-2, 21_000m), (position.Value!.NetPos, position.Value.NetPrice));
        Assert.Equal(50_000m, cash.Value!.Amount);
    }
}
