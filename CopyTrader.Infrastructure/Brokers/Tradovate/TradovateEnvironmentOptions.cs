namespace CopyTrader.Infrastructure.Brokers.Tradovate;

/// <summary>The endpoints of one Tradovate environment (protocol file 1.1) [C].</summary>
public sealed class TradovateEnvironmentOptions
{
    /// <summary>The REST base, e.g. <c>https://demo.tradovateapi.com/v1</c>.</summary>
    public string RestBaseUrl { get; set; } = "";

    /// <summary>The trading/user-data WebSocket, e.g. <c>wss://demo.tradovateapi.com/v1/websocket</c>.</summary>
    public string WebSocketUrl { get; set; } = "";
}
