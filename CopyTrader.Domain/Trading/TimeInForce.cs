namespace CopyTrader.Domain.Trading;

/// <summary>How long a working order stays at the broker before it is canceled unfilled.</summary>
public enum TimeInForce
{
    /// <summary>Until the end of the trading session.</summary>
    Day,

    /// <summary>Until filled or canceled, across sessions.</summary>
    GoodTillCanceled,

    /// <summary>Whatever fills at once; the rest is canceled.</summary>
    ImmediateOrCancel,

    /// <summary>All at once or nothing.</summary>
    FillOrKill,
}
