namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// Orders we sent, registered before the request leaves, so a fill that beats the broker's response (or
/// arrives without our client order id) is still recognised as our own copy. Bounded: the oldest of the
/// most recent <c>capacity</c> ids are forgotten first (a fill arrives within seconds of its order).
/// </summary>
public sealed class CopyTagRegistry(int capacity = 200_000)
{
    private readonly object _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public void RegisterInFlight(string clientOrderId) => Register("c:" + clientOrderId);

    public void RegisterBrokerOrder(string brokerOrderId) => Register("b:" + brokerOrderId);

    public bool IsOurs(string? clientOrderId, string? brokerOrderId)
    {
        lock (_gate)
        {
            return (clientOrderId is not null && _ids.Contains("c:" + clientOrderId))
                || (brokerOrderId is not null && _ids.Contains("b:" + brokerOrderId));
        }
    }

    private void Register(string id)
    {
        lock (_gate)
        {
            if (!_ids.Add(id))
            {
                return;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }
}
