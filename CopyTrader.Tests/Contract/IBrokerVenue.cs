using CopyTrader.Domain.Brokers;

namespace CopyTrader.Tests.Contract;

/// <summary>
/// A broker the contract suite can trade against: one account, one contract, a market whose price the test moves,
/// and new connectors on demand (a second connector is a reconnect: it must rebuild its state from the broker).
/// </summary>
public interface IBrokerVenue : IAsyncDisposable
{
    string AccountId { get; }

    /// <summary>The contract the suite trades, as the connector names it.</summary>
    string Symbol { get; }

    decimal TickSize { get; }

    /// <summary>The price market orders fill at now.</summary>
    decimal Price { get; }

    /// <summary>Moves the market; working orders the new price crosses fill.</summary>
    Task SetPriceAsync(decimal price);

    /// <summary>A new connector serving <see cref="AccountId"/>, not yet connected.</summary>
    IBrokerConnector CreateConnector();
}
