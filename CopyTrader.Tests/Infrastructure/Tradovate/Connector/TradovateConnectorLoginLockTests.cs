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
    private ConnectorFaultHarness _desk = null!;

    private TradovateConnectorRig Rig => _desk.Rig;

    private ConnectorProbe Probe => _desk.Probe;

    public async Task InitializeAsync() => _desk = await ConnectorFaultHarness.ConnectAsync(clock: _clock);

    public async Task DisposeAsync() => await _desk.DisposeAsync();

    [Fact]
    public async Task A429LocksTheLoginShowsTheLockAndSendsNothingUntilItEnds()
    {
        Rig.Server.Faults.RateLimitNextRestCalls(1);

        var refused = await PlaceAsync("lock-1");

        Assert.False(refused.Accepted);
        Assert.Contains("429", refused.RejectReason);
        var notice = await Probe.WaitForAsync<ConnectionNoticeEvent>(n => n.Notice is not null, "the lock notice");
        Assert.Contains("locked until 2026-11-24 16:00 UTC", notice.Notice);
        var sent = Rig.Server.RequestsTo("order/placeorder").Count;

        var whileLocked = await PlaceAsync("lock-2");

        Assert.False(whileLocked.Accepted);
        Assert.Contains("locked", whileLocked.RejectReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(sent, Rig.Server.RequestsTo("order/placeorder").Count);

        _clock.Advance(TimeSpan.FromMinutes(61));

        await Probe.WaitForAsync<ConnectionNoticeEvent>(n => n.Notice is null, "the lock notice to clear at the lock's end");
    }

    private Task<OrderResult> PlaceAsync(string clientOrderId) => Probe.Connector.PlaceOrderAsync(
        new OrderRequest("25", "MNQZ6", Side.Buy, 1, ClientOrderId: clientOrderId), CancellationToken.None);
}
