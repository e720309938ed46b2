using CopyTrader.Domain.Copying;

namespace CopyTrader.Domain.Configuration;

/// <summary>A stored contract mapping: for one copy group, or global when <see cref="CopyGroupId"/> is null.</summary>
public sealed class ContractMapEntry
{
    public const int RootMaxLength = 10;

    private ContractMapEntry() { }

    public ContractMapEntry(int? copyGroupId, ContractMapping mapping)
    {
        var problems = Problems(mapping);
        if (problems.Count > 0)
        {
            throw new CopyTraderDomainException(string.Join(" ", problems));
        }

        CopyGroupId = copyGroupId;
        SourceRoot = mapping.SourceRoot.ToUpperInvariant();
        TargetRoot = mapping.TargetRoot.ToUpperInvariant();
        Ratio = mapping.Ratio;
    }

    /// <summary>The reasons a mapping cannot be stored, in words for the form; empty when valid.</summary>
    public static IReadOnlyList<string> Problems(ContractMapping mapping)
    {
        var problems = new List<string>();
        problems.AddRange(RootProblem("leader", mapping.SourceRoot) is { } source ? [source] : []);
        problems.AddRange(RootProblem("follower", mapping.TargetRoot) is { } target ? [target] : []);
        if (mapping.Ratio <= 0m)
        {
            problems.Add($"A contract map ratio must be greater than zero (got {mapping.Ratio}).");
        }

        if (problems.Count == 0 && string.Equals(mapping.SourceRoot, mapping.TargetRoot, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{mapping.SourceRoot} cannot map to itself.");
        }

        return problems;
    }

    private static string? RootProblem(string side, string? root) => root switch
    {
        null or "" => $"The {side} root is required (e.g. NQ).",
        { Length: > RootMaxLength } => $"The {side} root must be at most {RootMaxLength} characters (got '{root}').",
        _ when !root.All(char.IsAsciiLetterOrDigit) => $"The {side} root is a contract root such as NQ or MNQ: letters and digits only (got '{root}').",
        _ => null,
    };

    public int Id { get; private set; }
    public int? CopyGroupId { get; private set; }
    public string SourceRoot { get; private set; } = "";
    public string TargetRoot { get; private set; } = "";
    public decimal Ratio { get; private set; }

    public ContractMapping ToMapping() => new(SourceRoot, TargetRoot, Ratio);
}
