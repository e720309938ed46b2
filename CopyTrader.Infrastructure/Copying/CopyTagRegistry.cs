using System.Collections.Concurrent;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// Orders we sent that are still in flight, registered before the request leaves, so a fill that beats the
/// broker's response (or arrives without our client order id) is still recognised as our own copy.
/// </summary>
public sealed class CopyTagRegistry
{
    private readonly ConcurrentDictionary<string, byte> _clientOrderIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _brokerOrderIds = new(StringComparer.Ordinal);

    public void RegisterInFlight(string clientOrderId) => _clientOrderIds[clientOrderId] = 0;

    public void RegisterBrokerOrder(string brokerOrderId) => _brokerOrderIds[brokerOrderId] = 0;

    public bool IsOurs(string? clientOrderId, string? brokerOrderId) =>
        (clientOrderId is not null && _clientOrderIds.ContainsKey(clientOrderId))
        || (brokerOrderId is not null && _brokerOrderIds.ContainsKey(brokerOrderId));
}
