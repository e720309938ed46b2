namespace CopyTrader.Domain.Trading;

public enum OrderType
{
    Market,
    Limit,
    Stop,

    /// <summary>Becomes a limit order at the limit price once the stop price trades.</summary>
    StopLimit,

    /// <summary>A stop that follows the market at a fixed distance (the trail amount, in price).</summary>
    TrailingStop,
}
