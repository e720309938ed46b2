using CopyTrader.Domain.Copying;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>The current copy configuration, held in memory for the hot path and replaced on every change.</summary>
public interface ICopyConfigStore
{
    CopyConfigSnapshot Current { get; }

    /// <summary>Raised after <see cref="Current"/> has been replaced.</summary>
    event Action<CopyConfigSnapshot>? Changed;

    Task ReloadAsync(CancellationToken ct = default);
}
