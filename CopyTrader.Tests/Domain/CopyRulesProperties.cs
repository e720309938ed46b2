using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Instruments;
using CopyTrader.Domain.Trading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CopyTrader.Tests.Domain;

/// <summary>
/// Random leader fill streams — partial fills, reversals through zero, resends, replays of history, fills
/// of our own copies, any delivery order — through the hub's filter and the planner, for random rules.
/// </summary>
public class CopyRulesProperties
{
    private static readonly CopyPlanner Planner = new(InstrumentCatalog.Default);

    public enum Delivery
    {
        Live,
        Resend,
        History,
        OwnCopy,
    }

    public sealed record Step(Side Side, int Quantity, Delivery Delivery);

    public sealed record Scenario(FollowerRule Rule, bool MapNqToMnq, int StartingPosition, IReadOnlyList<Step> Steps)
    {
        public override string ToString() =>
            $"{FollowerRuleText(Rule)} map={MapNqToMnq} start={StartingPosition} steps=[{string.Join(", ", Steps.Select(s => $"{s.Delivery}:{s.Side} {s.Quantity}"))}]";

        private static string FollowerRuleText(FollowerRule r) =>
            $"{r.Mode} ×{r.Multiplier} fixed={r.FixedQuantity} inverse={r.Inverse} max={r.MaxPosition?.ToString() ?? "none"} {r.Rounding} atLeastOne={r.AtLeastOneWhileLeaderInPosition}";
    }

    private static readonly Gen<FollowerRule> Rules =
        from mode in Gen.Elements(QuantityMode.Multiplier, QuantityMode.Fixed)
        from multiplier in Gen.Elements(0.1m, 0.25m, 0.5m, 1m, 1.5m, 2m, 3m, 10m)
        from fixedQuantity in Gen.Choose(1, 5)
        from inverse in Gen.Elements(false, true)
        from capped in Gen.Elements(false, true)
        from cap in Gen.Choose(0, 10)
        from rounding in Gen.Elements(RoundingRule.Nearest, RoundingRule.Down, RoundingRule.Up)
        from atLeastOne in Gen.Elements(false, true)
        select FollowerRule.Default with
        {
            Mode = mode, Multiplier = multiplier, FixedQuantity = fixedQuantity, Inverse = inverse,
            MaxPosition = capped ? cap : null, Rounding = rounding, AtLeastOneWhileLeaderInPosition = atLeastOne,
        };

    private static readonly Gen<Step> Steps =
        from side in Gen.Elements(Side.Buy, Side.Sell)
        from quantity in Gen.Choose(1, 4)
        from delivery in Gen.Frequency((6, Gen.Constant(Delivery.Live)), (2, Gen.Constant(Delivery.Resend)), (1, Gen.Constant(Delivery.History)), (1, Gen.Constant(Delivery.OwnCopy)))
        select new Step(side, quantity, delivery);

    private static readonly Arbitrary<Scenario> Scenarios =
        (from rule in Rules
         from map in Gen.Elements(false, true)
         from start in Gen.Choose(-3, 3)
         from steps in Steps.ListOf()
         select new Scenario(rule, map, start, steps.ToList())).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property FollowerMirrorsLeaderAfterEveryCopiedFillAndNothingElseSendsOrders() => Prop.ForAll(Scenarios, scenario =>
    {
        var run = Run(scenario);
        return run.Violations.Count == 0 ? true.Label("ok") : false.Label(string.Join("; ", run.Violations));
    });

    [Property(MaxTest = 300)]
    public Property FinalLeaderPositionCountsEachLiveFillOnceWhateverTheOrder() => Prop.ForAll(Scenarios, scenario =>
    {
        var expected = scenario.StartingPosition + scenario.Steps.Where(s => s.Delivery is Delivery.Live or Delivery.OwnCopy).Sum(s => s.Side.Sign() * s.Quantity);
        var reversed = scenario with { Steps = scenario.Steps.Reverse().ToList() };
        return Run(scenario).LeaderNet == expected && Run(reversed).LeaderNet == expected;
    });

    [Property(MaxTest = 300)]
    public Property TargetIsSymmetricMonotonicAndWithinTheCap() => Prop.ForAll(Rules.ToArbitrary(), Gen.Choose(0, 50).ToArbitrary(), (rule, n) =>
    {
        var up = FollowerTarget.For(n, rule);
        var next = FollowerTarget.For(n + 1, rule);
        var sign = rule.Inverse ? -1 : 1;
        return FollowerTarget.For(-n, rule) == -up
            && Math.Abs(next) >= Math.Abs(up)
            && (rule.MaxPosition is not { } cap || Math.Abs(up) <= cap)
            && (up == 0 || Math.Sign(up) == sign * Math.Sign(n));
    });

    private sealed record RunResult(int LeaderNet, List<string> Violations);

    /// <summary>Delivers the steps like the hub: a ledger of fill ids, history flagged, own copies recognised.</summary>
    private static RunResult Run(Scenario scenario)
    {
        var symbol = scenario.MapNqToMnq ? "NQZ6" : "MNQZ6";
        var map = scenario.MapNqToMnq ? new ContractMap([], ContractMapping.MicroPresets) : ContractMap.None;
        var follower = new FollowerSnapshot(1, 11, true, scenario.Rule);
        var group = new CopyGroupSnapshot(1, "G", 10, true, [follower]);
        var ratio = scenario.MapNqToMnq ? 10m : 1m;
        var root = scenario.MapNqToMnq ? "NQ" : "MNQ";

        var ledger = new HashSet<string> { "F-before-start" }; // processed before this run began
        var leaderNet = scenario.StartingPosition;
        var followerPosition = FollowerTarget.For(leaderNet, scenario.Rule, root, ratio);
        var violations = new List<string>();
        var liveIds = new List<string>();
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            var id = step.Delivery != Delivery.Resend ? $"F{i}"
                : liveIds.Count > 0 ? liveIds[i % liveIds.Count]
                : "F-before-start";
            if (step.Delivery == Delivery.Live)
            {
                liveIds.Add(id);
            }

            var verdict = LeaderFillFilter.Classify(
                isHistory: step.Delivery == Delivery.History,
                firstTimeSeen: step.Delivery != Delivery.History && ledger.Add(id),
                isOwnCopy: step.Delivery == Delivery.OwnCopy);
            if (step.Delivery == Delivery.Resend && verdict != LeaderFillVerdict.Duplicate)
            {
                violations.Add($"step {i}: a resend of {id} was {verdict}");
            }

            if (!verdict.MovesPosition())
            {
                continue;
            }

            leaderNet += step.Side.Sign() * step.Quantity;
            if (verdict != LeaderFillVerdict.Copy)
            {
                continue;
            }

            var plan = Planner.Plan(group, map, symbol, leaderNet, (_, _) => followerPosition).Single();
            var target = FollowerTarget.For(leaderNet, scenario.Rule, root, ratio);
            if (plan.TargetPosition != target)
            {
                violations.Add($"step {i}: planned target {plan.TargetPosition}, rule says {target}");
            }

            if (plan.SendsOrder != (target != followerPosition))
            {
                violations.Add($"step {i}: sends={plan.SendsOrder} while follower {followerPosition} → target {target}");
            }

            if (plan.SendsOrder)
            {
                followerPosition += plan.Side.Sign() * plan.Quantity;
            }

            if (followerPosition != target)
            {
                violations.Add($"step {i}: follower {followerPosition} ≠ f(leader {leaderNet}) = {target}");
            }
        }

        return new RunResult(leaderNet, violations);
    }
}
