using CopyTrader.Domain.Copying;

namespace CopyTrader.Domain.Configuration;

/// <summary>A stored contract mapping: for one copy group, or global when <see cref="CopyGroupId"/> is null.</summary>
public sealed class ContractMapEntry
{
    public const int RootMaxLength = 10;

    private ContractMapEntry() { }

    public ContractMapEntry(int? copyGroupId, ContractMapping mapping)
    {
        if (mapping.Ratio <= 0m)
        {
            throw new CopyTraderDomainException($"A contract map ratio must be greater than zero (got {mapping.Ratio}).");
        }

        if (string.Equals(mapping.SourceRoot, mapping.TargetRoot, StringComparison.OrdinalIgnoreCase))
        {
            throw new CopyTraderDomainException($"{mapping.SourceRoot} cannot map to itself.");
        }

        CopyGroupId = copyGroupId;
        SourceRoot = mapping.SourceRoot.ToUpperInvariant();
        TargetRoot = mapping.TargetRoot.ToUpperInvariant();
        Ratio = mapping.Ratio;
    }

    public int Id { get; private set; }
    public int? CopyGroupId { get; private set; }
    public string SourceRoot { get; private set; } = "";
    public string TargetRoot { get; private set; } = "";
    public decimal Ratio { get; private set; }

    public ContractMapping ToMapping() => new(SourceRoot, TargetRoot, Ratio);
}
