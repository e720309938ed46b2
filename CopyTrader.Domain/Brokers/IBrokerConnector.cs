using System.Threading.Channels;

namespace CopyTrader.Domain.Brokers;

/// <summary>
/// The one seam to a broker: one instance per broker connection (one login), serving every account of
/// that login. Reads throw on failure, never answer "nothing" for an error; a rejection comes back as
/// <see cref="OrderResult"/> with the broker's reason.
/// </summary>
public interface IBrokerConnector : IAsyncDisposable
{
    BrokerKind Kind { get; }

    BrokerCapabilities Capabilities { get; }

    BrokerConnectionState State { get; }

    /// <summary>Normalised events in the order the broker sent them; one reader (the hub).</summary>
    ChannelReader<BrokerEvent> Events { get; }

    /// <summary>Connects and starts the event stream, beginning with a snapshot that ends with <see cref="SnapshotCompleteEvent"/>.</summary>
    Task ConnectAsync(CancellationToken ct);

    Task<IReadOnlyList<BrokerAccount>> GetAccountsAsync(CancellationToken ct);

    Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(string accountId, CancellationToken ct);

    Task<IReadOnlyList<BrokerOrder>> GetWorkingOrdersAsync(string accountId, CancellationToken ct);

    Task<AccountBalance> GetBalanceAsync(string accountId, CancellationToken ct);

    Task<OrderResult> PlaceOrderAsync(OrderRequest request, CancellationToken ct);

    /// <summary>Changes a working order's quantity and prices (and a trailing stop's distance).</summary>
    Task<OrderResult> ModifyOrderAsync(string accountId, string brokerOrderId, int quantity, decimal? limitPrice, decimal? stopPrice, decimal? trailAmount, CancellationToken ct);

    Task<OrderResult> CancelOrderAsync(string accountId, string brokerOrderId, CancellationToken ct);

    /// <summary>Closes the account's position in a symbol at market.</summary>
    Task<OrderResult> LiquidateAsync(string accountId, string symbol, string? clientOrderId, CancellationToken ct);
}
