using System.Globalization;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Tests.Contract;
using CopyTrader.Tests.Fakes.Tradovate;
using CopyTrader.Tests.Fakes.Tradovate.Exchange;
using CopyTrader.Tests.Support;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Connector;

/// <summary>
/// The production Tradovate connector, built by <see cref="TradovateConnectorRig"/> as the app builds it, connected to
/// the fake exchange and probed; shortcuts the fault tests share. One account (DEMO25), one contract (MNQZ6).
/// </summary>
internal sealed class ConnectorFaultHarness : IAsyncDisposable
{
    public const string Symbol = "MNQZ6";

    private ConnectorFaultHarness(TradovateConnectorRig rig, ConnectorProbe probe)
    {
        Rig = rig;
        Probe = probe;
        AccountNumber = rig.Server.Exchange.Account("DEMO25").Id;
    }

    public TradovateConnectorRig Rig { get; }

    public ConnectorProbe Probe { get; }

    public IBrokerConnector Connector => Probe.Connector;

    public FakeTradovateServer Server => Rig.Server;

    public FakeTradovateExchange Exchange => Server.Exchange;

    public FakeTradovateFaults Faults => Server.Faults;

    public long AccountNumber { get; }

    public string AccountId => Text(AccountNumber);

    /// <summary>
    /// A connected connector past its first snapshot; <paramref name="settings"/> go over the rig's configuration and
    /// <paramref name="beforeConnect"/> runs on the exchange before the connector connects (history for the snapshot);
    /// <paramref name="clock"/> drives both sides (a FakeTimeProvider: nothing times out until the test advances it).
    /// </summary>
    public static async Task<ConnectorFaultHarness> ConnectAsync(
        Dictionary<string, string?>? settings = null, Action<FakeTradovateServer>? beforeConnect = null, TimeProvider? clock = null)
    {
        var rig = await TradovateConnectorRig.StartAsync(settings, clock);
        try
        {
            beforeConnect?.Invoke(rig.Server);
            var account = Text(rig.Server.Exchange.Account("DEMO25").Id);
            return new ConnectorFaultHarness(rig, await ConnectorProbe.ConnectAsync(rig.CreateConnector([account])));
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    public Task<OrderResult> MarketAsync(Side side, int quantity, string clientOrderId) =>
        Connector.PlaceOrderAsync(new OrderRequest(AccountId, Symbol, side, quantity, ClientOrderId: clientOrderId), CancellationToken.None);

    public Task<OrderResult> LimitAsync(Side side, int quantity, decimal price, string clientOrderId) =>
        Connector.PlaceOrderAsync(
            new OrderRequest(AccountId, Symbol, side, quantity, OrderType.Limit, LimitPrice: price, ClientOrderId: clientOrderId), CancellationToken.None);

    /// <summary>A human trade in Tradovate's own UI on the account; returns the order id as the connector names it.</summary>
    public string TradeInPlatform(string action, int quantity) => Text(Exchange.TradeInPlatform(AccountNumber, Symbol, action, quantity));

    public Task<FillEvent> LiveFillOfAsync(string brokerOrderId) =>
        Probe.WaitForAsync<FillEvent>(f => !f.IsSnapshot && f.BrokerOrderId == brokerOrderId, $"the live fill of order {brokerOrderId}");

    public IReadOnlyList<FillEvent> LiveFillsOf(string brokerOrderId) => [.. Probe.Live<FillEvent>().Where(f => f.BrokerOrderId == brokerOrderId)];

    /// <summary>The <paramref name="occurrence"/>-th (1-based) connection state event in <paramref name="state"/>.</summary>
    public Task<ConnectionStateEvent> StateAsync(BrokerConnectionState state, int occurrence, TimeSpan? timeout = null) =>
        Eventually.Get(
            () => Probe.Events.OfType<ConnectionStateEvent>().Where(e => e.State == state).Skip(occurrence - 1).FirstOrDefault(),
            e => e is not null,
            $"connection state {state} number {occurrence}",
            timeout ?? TimeSpan.FromSeconds(10))!;

    /// <summary>The <paramref name="occurrence"/>-th (1-based) end of a snapshot.</summary>
    public Task SnapshotCompleteAsync(int occurrence) =>
        Eventually.True(() => Probe.Events.OfType<SnapshotCompleteEvent>().Count() >= occurrence, $"snapshot number {occurrence} to complete", TimeSpan.FromSeconds(10));

    /// <summary>The events from the <paramref name="occurrence"/>-th Connected on, in the order the connector emitted them.</summary>
    public IReadOnlyList<BrokerEvent> EventsFromConnected(int occurrence)
    {
        var events = Probe.Events;
        var seen = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is ConnectionStateEvent { State: BrokerConnectionState.Connected } && ++seen == occurrence)
            {
                return [.. events.Skip(i)];
            }
        }

        return [];
    }

    public async ValueTask DisposeAsync()
    {
        await Probe.DisposeAsync();
        await Rig.DisposeAsync();
    }
}
