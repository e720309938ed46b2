namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>Every REST and WebSocket request in arrival order.</summary>
public sealed class FakeTradovateRequestLog
{
    private readonly Lock _gate = new();
    private readonly List<FakeTradovateRequest> _requests = [];

    public IReadOnlyList<FakeTradovateRequest> All
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Requests to one endpoint (case-insensitive, without <c>/v1/</c>): <c>RequestsTo("order/placeorder")</c>.</summary>
    public IReadOnlyList<FakeTradovateRequest> To(string endpoint) => All.Where(r => r.Is(endpoint)).ToArray();

    internal void Add(FakeTradovateRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }
}
