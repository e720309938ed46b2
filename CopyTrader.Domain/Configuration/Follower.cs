using CopyTrader.Domain.Copying;

namespace CopyTrader.Domain.Configuration;

/// <summary>An account copying a <see cref="CopyGroup"/>'s leader, sized by its <see cref="Rule"/>.</summary>
public sealed class Follower
{
    private readonly List<SymbolMultiplier> _symbolMultipliers = [];
    private List<string> _blockedRoots = [];

    private Follower() { }

    internal Follower(int accountId, FollowerRule rule)
    {
        AccountId = accountId;
        Enabled = true;
        Apply(rule);
    }

    public int Id { get; private set; }
    public int CopyGroupId { get; private set; }
    public int AccountId { get; private set; }
    public bool Enabled { get; private set; }
    public QuantityMode Mode { get; private set; }
    public decimal Multiplier { get; private set; }
    public int FixedQuantity { get; private set; }
    public bool Inverse { get; private set; }
    public int? MaxPosition { get; private set; }
    public RoundingRule Rounding { get; private set; }
    public bool AtLeastOneWhileLeaderInPosition { get; private set; }
    public bool CopyStopLoss { get; private set; }
    public bool CopyTakeProfit { get; private set; }

    /// <summary>A webhook strategy also trades this account (the engine skips it, by setting).</summary>
    public bool ReceivesWebhookOrders { get; private set; }

    public IReadOnlyCollection<SymbolMultiplier> SymbolMultipliers => _symbolMultipliers;

    public decimal? DailyLossLimit { get; private set; }
    public int? MaxContractsPerOrder { get; private set; }
    public TimeOnly? CopyWindowStart { get; private set; }
    public TimeOnly? CopyWindowEnd { get; private set; }

    public FollowerRiskLimits RiskLimits => new()
    {
        DailyLossLimit = DailyLossLimit,
        MaxContractsPerOrder = MaxContractsPerOrder,
        CopyWindowStart = CopyWindowStart,
        CopyWindowEnd = CopyWindowEnd,
    };

    public IReadOnlyCollection<string> BlockedRoots => _blockedRoots;

    public FollowerRule Rule => new()
    {
        Mode = Mode,
        Multiplier = Multiplier,
        FixedQuantity = FixedQuantity,
        SymbolMultipliers = _symbolMultipliers.ToDictionary(s => s.Root, s => s.Multiplier, StringComparer.OrdinalIgnoreCase),
        Inverse = Inverse,
        MaxPosition = MaxPosition,
        Rounding = Rounding,
        AtLeastOneWhileLeaderInPosition = AtLeastOneWhileLeaderInPosition,
        BlockedRoots = new HashSet<string>(_blockedRoots, StringComparer.OrdinalIgnoreCase),
        CopyStopLoss = CopyStopLoss,
        CopyTakeProfit = CopyTakeProfit,
    };

    /// <summary>Replaces the sizing rule; refused whole, with every problem named, when any part is invalid.</summary>
    public void Apply(FollowerRule rule)
    {
        var problems = rule.Problems();
        if (problems.Count > 0)
        {
            throw new CopyTraderDomainException(string.Join(" ", problems));
        }

        (Mode, Multiplier, FixedQuantity, Inverse, MaxPosition, Rounding, AtLeastOneWhileLeaderInPosition, CopyStopLoss, CopyTakeProfit) =
            (rule.Mode, rule.Multiplier, rule.FixedQuantity, rule.Inverse, rule.MaxPosition, rule.Rounding, rule.AtLeastOneWhileLeaderInPosition, rule.CopyStopLoss, rule.CopyTakeProfit);
        _symbolMultipliers.Clear();
        _symbolMultipliers.AddRange(rule.SymbolMultipliers.Select(o => new SymbolMultiplier(o.Key.ToUpperInvariant(), o.Value)));
        _blockedRoots = rule.BlockedRoots.Select(r => r.ToUpperInvariant()).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Replaces the risk limits; refused whole, with every problem named, when any part is invalid.</summary>
    public void SetRiskLimits(FollowerRiskLimits limits)
    {
        var problems = limits.Problems();
        if (problems.Count > 0)
        {
            throw new CopyTraderDomainException(string.Join(" ", problems));
        }

        (DailyLossLimit, MaxContractsPerOrder, CopyWindowStart, CopyWindowEnd) = (limits.DailyLossLimit, limits.MaxContractsPerOrder, limits.CopyWindowStart, limits.CopyWindowEnd);
    }

    public void SetMultiplier(decimal multiplier) => Apply(Rule with { Multiplier = multiplier });

    public void SetEnabled(bool enabled) => Enabled = enabled;

    public void SetReceivesWebhookOrders(bool receives) => ReceivesWebhookOrders = receives;
}

/// <summary>A follower's multiplier for one leader root, overriding its base multiplier.</summary>
public sealed record SymbolMultiplier(string Root, decimal Multiplier);
