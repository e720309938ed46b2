namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>Which waiting requests get the next free rate-limit slot first.</summary>
public enum TradovateRequestPriority
{
    Normal,

    /// <summary>Closes, liquidations, flattens and cancels: they reduce risk, so they go ahead of waiting normal requests.</summary>
    Urgent,
}
