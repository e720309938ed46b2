using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Tests.Contract;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Connector;

/// <summary>A login Tradovate locks is shown on the connection until the lock ends, and nothing is sent meanwhile.</summary>
public sealed class TradovateConnectorLoginLockTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-24T15:00:00Z"));
    private TradovateConnectorRig _rig = null!;
    private ConnectorProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _rig = await TradovateConnectorRig.StartAsync(clock: _clock);
        _probe = await ConnectorProbe.ConnectAsync(_rig.CreateConnector(["25"]));
    }

    public async Task DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _rig.DisposeAsync();
    }

    [Fact]
    public async Task A429LocksTheLoginShowsTheLockAndSendsNothingUntilItEnds()
    {
        _rig.Server.Faults.RateLimitNextRestCalls(1);

        var refused = await PlaceAsync("lock-1");

        Assert.False(refused.Accepted);
        Assert.Contains("429", refused.RejectReason);
        var notice = await _probe.WaitForAsync<ConnectionNoticeEvent>(n => n.Notice is not null, "the lock notice");
        Assert.Contains("locked until 2026-11-24 16:00 UTC", notice.Notice);
        var sent = _rig.Server.RequestsTo("order/placeorder").Count;

        var whileLocked = await PlaceAsync("lock-2");

        Assert.False(whileLocked.Accepted);
        Assert.Contains("locked", whileLocked.RejectReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(sent, _rig.Server.RequestsTo("order/placeorder").Count);

        _clock.Advance(TimeSpan.FromMinutes(61));

        await _probe.WaitForAsync<ConnectionNoticeEvent>(n => n.Notice is null, "the lock notice to clear at the lock's end");
    }

    private Task<OrderResult> PlaceAsync(string clientOrderId) => _probe.Connector.PlaceOrderAsync(
        new OrderRequest("25", "MNQZ6", Side.Buy, 1, ClientOrderId: clientOrderId), CancellationToken.None);
}
