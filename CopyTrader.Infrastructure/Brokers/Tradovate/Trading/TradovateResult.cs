using System.Diagnostics.CodeAnalysis;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>Either a value or a <see cref="TradovateError"/>; never an empty value standing in for an error.</summary>
public sealed class TradovateResult<T>
{
    private readonly T? _value;

    private TradovateResult(T? value, TradovateError? error)
    {
        _value = value;
        Error = error;
    }

    public TradovateError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws <see cref="InvalidOperationException"/> on a failure (use <see cref="GetValueOrThrow"/> to surface it).</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error}");

    public static TradovateResult<T> Ok(T value) => new(value, null);

    public static TradovateResult<T> Fail(TradovateError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>The value, or a <see cref="TradovateRestException"/> carrying the error.</summary>
    public T GetValueOrThrow() => IsSuccess ? _value! : throw new TradovateRestException(Error);

    /// <summary>Maps a value; a failure passes through unchanged.</summary>
    public TradovateResult<TOut> Then<TOut>(Func<T, TradovateResult<TOut>> next) =>
        IsSuccess ? next(_value!) : TradovateResult<TOut>.Fail(Error);

    public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Fail({Error})";
}
