using System.Collections.Immutable;

namespace CopyTrader.Domain.Instruments;

/// <summary>
/// Tick size and point value per root, seeded from shared/protocols/futures-contracts.md. What a broker
/// reports (<see cref="Report"/>) replaces the seed for that root; readers always see a whole table.
/// </summary>
public sealed class InstrumentCatalog
{
    /// <summary>What an unknown symbol (an equity) trades in: cents, one dollar per point per share.</summary>
    public static readonly InstrumentSpec Equity = new("EQUITY", "Equity", 0.01m, 1m);

    private volatile ImmutableDictionary<string, InstrumentSpec> _byRoot;

    public InstrumentCatalog(IEnumerable<InstrumentSpec> specs) =>
        _byRoot = specs.ToImmutableDictionary(s => s.Root, StringComparer.OrdinalIgnoreCase);

    /// <summary>A new catalog holding the seed table (each call a separate instance, so reports never leak between owners).</summary>
    public static InstrumentCatalog Default => new(Seed);

    private static readonly InstrumentSpec[] Seed =
    [
        new("ES", "E-mini S&P 500", 0.25m, 50m),
        new("MES", "Micro E-mini S&P 500", 0.25m, 5m),
        new("NQ", "E-mini Nasdaq-100", 0.25m, 20m),
        new("MNQ", "Micro E-mini Nasdaq-100", 0.25m, 2m),
        new("YM", "E-mini Dow", 1m, 5m),
        new("MYM", "Micro E-mini Dow", 1m, 0.5m),
        new("RTY", "E-mini Russell 2000", 0.1m, 50m),
        new("M2K", "Micro E-mini Russell 2000", 0.1m, 5m),
        new("GC", "Gold", 0.1m, 100m),
        new("MGC", "Micro Gold", 0.1m, 10m),
        new("CL", "Crude Oil WTI", 0.01m, 1000m),
        new("MCL", "Micro WTI Crude Oil", 0.01m, 100m),
        new("SI", "Silver", 0.005m, 5000m),
        new("HG", "Copper", 0.0005m, 25000m),
        new("NG", "Henry Hub Natural Gas", 0.001m, 10000m),
        new("ZB", "30-Year T-Bond", 0.03125m, 1000m),
        new("ZN", "10-Year T-Note", 0.015625m, 1000m),
        new("6E", "Euro FX", 0.00005m, 125000m),
    ];

    public IReadOnlyCollection<InstrumentSpec> All => _byRoot.Values.ToList();

    /// <summary>The spec of a futures symbol (by its root) or, for anything else, <see cref="Equity"/>.</summary>
    public InstrumentSpec For(string symbol) =>
        FuturesSymbol.TryParse(symbol, this, out var futures) ? _byRoot[futures.Root] : Equity;

    public bool IsKnownRoot(string root) => _byRoot.ContainsKey(root);

    /// <summary>Takes a broker's figures for a root (tick size, point value), replacing the seed's.</summary>
    public void Report(InstrumentSpec spec)
    {
        if (spec.TickSize <= 0m || spec.PointValue <= 0m)
        {
            throw new CopyTraderDomainException($"{spec.Root}: tick size and point value must be positive (got {spec.TickSize}, {spec.PointValue}).");
        }

        _byRoot = _byRoot.SetItem(spec.Root, spec);
    }
}
