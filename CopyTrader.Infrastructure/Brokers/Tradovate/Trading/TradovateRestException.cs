namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>A <see cref="TradovateError"/> thrown by <see cref="TradovateResult{T}.GetValueOrThrow"/>.</summary>
public sealed class TradovateRestException(TradovateError error) : Exception($"Tradovate {error.Path}: {error.Message}")
{
    public TradovateError Error { get; } = error;
}
