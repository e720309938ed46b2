using CopyTrader.Domain.Instruments;

namespace CopyTrader.Domain.Copying;

/// <summary>Root → root with a quantity ratio: NQ → MNQ × 10 turns NQZ6 ×1 into MNQZ6 ×10 (month and year kept).</summary>
public sealed record ContractMapping(string SourceRoot, string TargetRoot, decimal Ratio)
{
    public static readonly IReadOnlyList<ContractMapping> MicroPresets =
    [
        new("NQ", "MNQ", 10m), new("ES", "MES", 10m), new("YM", "MYM", 10m),
        new("RTY", "M2K", 10m), new("GC", "MGC", 10m), new("CL", "MCL", 10m),
    ];
}

/// <summary>The contract a follower trades for a leader symbol, and the ratio its quantity is scaled by.</summary>
public sealed record MappedContract(string Symbol, string LeaderRoot, decimal Ratio);

/// <summary>A group's mappings over the global ones: the group's mapping for a root wins.</summary>
public sealed class ContractMap
{
    public static readonly ContractMap None = new([], []);

    private readonly Dictionary<string, ContractMapping> _bySource;

    public ContractMap(IEnumerable<ContractMapping> groupMappings, IEnumerable<ContractMapping> globalMappings)
    {
        _bySource = new Dictionary<string, ContractMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var mapping in globalMappings.Concat(groupMappings))
        {
            _bySource[mapping.SourceRoot] = mapping;
        }
    }

    /// <summary>Maps a futures symbol by its root; anything else (equities, unmapped roots) passes through at ratio 1.</summary>
    public MappedContract Resolve(string leaderSymbol, InstrumentCatalog catalog)
    {
        if (!FuturesSymbol.TryParse(leaderSymbol, catalog, out var futures))
        {
            return new MappedContract(leaderSymbol, leaderSymbol, 1m);
        }

        return _bySource.TryGetValue(futures.Root, out var mapping)
            ? new MappedContract((futures with { Root = mapping.TargetRoot.ToUpperInvariant() }).ToString(), futures.Root, mapping.Ratio)
            : new MappedContract(leaderSymbol, futures.Root, 1m);
    }
}
