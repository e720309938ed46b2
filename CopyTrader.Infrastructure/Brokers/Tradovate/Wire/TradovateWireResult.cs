namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

public enum TradovateWireOutcome
{
    /// <summary><see cref="TradovateWireResult{T}.Value"/> is set.</summary>
    Ok,

    /// <summary>Well-formed, but it names something not known yet (a contract, an order); retry after a lookup.</summary>
    Unresolved,

    /// <summary>Not what the protocol describes; log and skip.</summary>
    Malformed,
}

/// <summary>The outcome of decoding or mapping one piece of a message, with the reason when it is not <see cref="TradovateWireOutcome.Ok"/>.</summary>
public sealed record TradovateWireResult<T>(TradovateWireOutcome Outcome, T? Value, string? Reason)
    where T : class
{
    public bool IsOk => Outcome == TradovateWireOutcome.Ok;

    public static TradovateWireResult<T> Ok(T value) => new(TradovateWireOutcome.Ok, value, null);

    public static TradovateWireResult<T> Unresolved(string reason) => new(TradovateWireOutcome.Unresolved, null, reason);

    public static TradovateWireResult<T> Malformed(string reason) => new(TradovateWireOutcome.Malformed, null, reason);
}
