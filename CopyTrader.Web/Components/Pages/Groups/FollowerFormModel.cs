using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.CopySetup;

namespace CopyTrader.Web.Components.Pages.Groups;

/// <summary>
/// What the follower form binds to. Empty number fields stay null: an empty max position is "no cap" and an empty
/// limit is "no limit", while 0 is kept as 0 (stay flat, stop at the first loss, copy nothing).
/// </summary>
public sealed class FollowerFormModel
{
    public int? AccountId { get; set; }
    public bool Enabled { get; set; } = true;
    public QuantityMode Mode { get; set; } = QuantityMode.Multiplier;
    public decimal? Multiplier { get; set; } = 1m;
    public int? FixedQuantity { get; set; } = 1;
    public bool Inverse { get; set; }
    public int? MaxPosition { get; set; }
    public RoundingRule Rounding { get; set; } = RoundingRule.Nearest;
    public bool AtLeastOne { get; set; }
    public bool CopyStopLoss { get; set; } = true;
    public bool CopyTakeProfit { get; set; } = true;
    public List<SymbolOverrideRow> Overrides { get; } = [];
    public List<string> BlockedRoots { get; } = [];
    public decimal? DailyLossLimit { get; set; }
    public int? MaxContractsPerOrder { get; set; }
    public string? CopyWindowStart { get; set; }
    public string? CopyWindowEnd { get; set; }

    public static FollowerFormModel From(FollowerView follower)
    {
        var (rule, limits) = (follower.Rule, follower.RiskLimits);
        var model = new FollowerFormModel
        {
            AccountId = follower.AccountId,
            Enabled = follower.Enabled,
            Mode = rule.Mode,
            Multiplier = rule.Multiplier,
            FixedQuantity = rule.FixedQuantity,
            Inverse = rule.Inverse,
            MaxPosition = rule.MaxPosition,
            Rounding = rule.Rounding,
            AtLeastOne = rule.AtLeastOneWhileLeaderInPosition,
            CopyStopLoss = rule.CopyStopLoss,
            CopyTakeProfit = rule.CopyTakeProfit,
            DailyLossLimit = limits.DailyLossLimit,
            MaxContractsPerOrder = limits.MaxContractsPerOrder,
            CopyWindowStart = limits.CopyWindowStart?.ToString(SetupFormRules.TimeFormat),
            CopyWindowEnd = limits.CopyWindowEnd?.ToString(SetupFormRules.TimeFormat),
        };
        model.Overrides.AddRange(rule.SymbolMultipliers.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new SymbolOverrideRow { Root = o.Key, Multiplier = o.Value }));
        model.BlockedRoots.AddRange(rule.BlockedRoots.Order(StringComparer.Ordinal));
        return model;
    }

    /// <summary>
    /// Every reason the form cannot be saved: fields the rule needs, override rows, times, then the rule's and the
    /// limits' own <c>Problems()</c>. Empty when <see cref="ToSettings"/> is what the user meant.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Mode == QuantityMode.Multiplier && Multiplier is null)
        {
            problems.Add("Enter the multiplier.");
        }

        if (Mode == QuantityMode.Fixed && FixedQuantity is null)
        {
            problems.Add("Enter the fixed quantity.");
        }

        problems.AddRange(Overrides.Where(o => string.IsNullOrWhiteSpace(o.Root) || o.Multiplier is null).Select(_ => "Every multiplier override needs a root and a multiplier."));
        problems.AddRange(Overrides.Select(o => SetupFormRules.RootProblem(o.Root)).OfType<string>());
        problems.AddRange(Overrides.Where(o => !string.IsNullOrWhiteSpace(o.Root)).GroupBy(o => o.Root!.Trim().ToUpperInvariant()).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} has more than one multiplier override; keep one."));
        problems.AddRange(new[] { SetupFormRules.TimeProblem(CopyWindowStart), SetupFormRules.TimeProblem(CopyWindowEnd) }.OfType<string>());
        if (problems.Count > 0)
        {
            return problems.Distinct().ToList();
        }

        var settings = ToSettings();
        return [.. settings.Rule.Problems(), .. settings.RiskLimits.Problems()];
    }

    public FollowerSettings ToSettings() => new(Enabled, ToRule(), ToLimits());

    private FollowerRule ToRule() => FollowerRule.Default with
    {
        Mode = Mode,
        Multiplier = Multiplier ?? FollowerRule.Default.Multiplier,
        FixedQuantity = FixedQuantity ?? FollowerRule.Default.FixedQuantity,
        Inverse = Inverse,
        MaxPosition = MaxPosition,
        Rounding = Rounding,
        AtLeastOneWhileLeaderInPosition = AtLeastOne,
        CopyStopLoss = CopyStopLoss,
        CopyTakeProfit = CopyTakeProfit,
        SymbolMultipliers = Overrides.Where(o => !string.IsNullOrWhiteSpace(o.Root) && o.Multiplier is not null)
            .GroupBy(o => o.Root!.Trim().ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.First().Multiplier!.Value, StringComparer.OrdinalIgnoreCase),
        BlockedRoots = new HashSet<string>(BlockedRoots, StringComparer.OrdinalIgnoreCase),
    };

    private FollowerRiskLimits ToLimits() => new()
    {
        DailyLossLimit = DailyLossLimit,
        MaxContractsPerOrder = MaxContractsPerOrder,
        CopyWindowStart = SetupFormRules.TryParseTime(CopyWindowStart, out var start) ? start : null,
        CopyWindowEnd = SetupFormRules.TryParseTime(CopyWindowEnd, out var end) ? end : null,
    };
}

/// <summary>One per-symbol multiplier row while it is edited.</summary>
public sealed class SymbolOverrideRow
{
    public string? Root { get; set; }
    public decimal? Multiplier { get; set; }
}
