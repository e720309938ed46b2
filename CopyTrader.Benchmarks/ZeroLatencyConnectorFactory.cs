using System.Collections.Concurrent;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Brokers;

namespace CopyTrader.Benchmarks;

/// <summary>Stands in for the app's connector factory: every connection, whatever its kind, gets a <see cref="ZeroLatencyConnector"/>.</summary>
internal sealed class ZeroLatencyConnectorFactory(OrderRecorder recorder) : IBrokerConnectorFactory
{
    private readonly ConcurrentDictionary<string, ZeroLatencyConnector> _byAccount = new(StringComparer.OrdinalIgnoreCase);

    public IBrokerConnector Create(ConnectionSnapshot connection, IReadOnlyCollection<string> accountExternalIds)
    {
        var connector = new ZeroLatencyConnector(recorder);
        foreach (var account in accountExternalIds)
        {
            _byAccount[account] = connector;
        }

        return connector;
    }

    /// <summary>The connector the hub created for a broker account.</summary>
    public ZeroLatencyConnector For(string externalAccountId) =>
        _byAccount.TryGetValue(externalAccountId, out var connector)
            ? connector
            : throw new InvalidOperationException($"The hub has not connected account {externalAccountId}.");
}
