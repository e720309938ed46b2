namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// One request the fake received: over HTTP (<see cref="Method"/> GET/POST, <see cref="Endpoint"/> the path after
/// <c>/v1/</c>, e.g. <c>order/placeorder</c>) or over the WebSocket (<see cref="Method"/> "WS").
/// </summary>
public sealed record FakeTradovateRequest(DateTimeOffset At, string Method, string Endpoint, string Query, string? Bearer, string Body)
{
    public bool Is(string endpoint) => string.Equals(Endpoint, endpoint, StringComparison.OrdinalIgnoreCase);
}
