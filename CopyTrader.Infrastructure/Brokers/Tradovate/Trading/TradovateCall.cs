namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>How one operation is sent: its rate-limit priority and, when not the configured one, its timeout per exchange.</summary>
public sealed record TradovateCall(TradovateRequestPriority Priority = TradovateRequestPriority.Normal, TimeSpan? Timeout = null)
{
    public static readonly TradovateCall Normal = new();

    /// <summary>For closes, liquidations, flattens and cancels.</summary>
    public static readonly TradovateCall Urgent = new(TradovateRequestPriority.Urgent);

    internal TradovateRestRequest Apply(TradovateRestRequest request) => request with { Priority = Priority, Timeout = Timeout };
}
