namespace CopyTrader.Domain.Copying.Orders;

/// <summary>What a leader order does to the leader's net position in its contract, judged when it first appears.</summary>
public enum OrderRole
{
    /// <summary>Opens a position from flat.</summary>
    Entry,

    /// <summary>Adds to the position on its own side.</summary>
    Add,

    /// <summary>A market order that trims or closes the position.</summary>
    Exit,

    /// <summary>Opposite side and larger than the position: closes it and opens the other way.</summary>
    Reversal,

    /// <summary>Protective: a stop, stop-limit or trailing stop that reduces the position, or the stop leg of a bracket.</summary>
    StopLoss,

    /// <summary>Protective: a limit that reduces the position, or the limit leg of a bracket.</summary>
    TakeProfit,
}
