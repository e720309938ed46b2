using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Copying.Orders;
using CopyTrader.Domain.Trading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CopyTrader.Tests.Domain.Orders.OrderMirrorFixture;

namespace CopyTrader.Tests.Domain.Orders;

/// <summary>
/// Random sequences of leader places, modifications and cancels, with follower acceptances arriving late and
/// in any order, for random follower rules and brokers with or without modify and trailing-stop support.
/// </summary>
public class OrderMirrorProperties
{
    public enum StepKind
    {
        Place,
        Modify,
        Cancel,
        AcceptOne,
    }

    public sealed record Step(StepKind Kind, OrderType Type, Side Side, int Quantity, int PriceTicks, int Index)
    {
        public override string ToString() => $"{Kind}#{Index}:{Type} {Side} {Quantity}@{PriceTicks}";
    }

    public sealed record Scenario(IReadOnlyList<FollowerSnapshot> Followers, BrokerCapabilities Capabilities, IReadOnlyList<Step> Steps)
    {
        public override string ToString() =>
            $"modify={Capabilities.ModifyOrders} trailing={Capabilities.TrailingStops} followers=[{string.Join(", ", Followers.Select(f => $"{f.Id}:{(f.Enabled ? "" : "off ")}{(f.Rule.Inverse ? "inverse " : "")}{f.Rule.Mode} ×{f.Rule.Multiplier} fixed={f.Rule.FixedQuantity} {f.Rule.Rounding} one={f.Rule.AtLeastOneWhileLeaderInPosition} cap={f.Rule.MaxPosition?.ToString() ?? "-"}"))}] steps=[{string.Join(", ", Steps)}]";
    }

    private static readonly Gen<FollowerRule> Rules =
        from mode in Gen.Frequency((4, Gen.Constant(QuantityMode.Multiplier)), (1, Gen.Constant(QuantityMode.Fixed)))
        from multiplier in Gen.Elements(0.3m, 0.5m, 1m, 2m, 3m)
        from fixedQuantity in Gen.Choose(1, 3)
        from rounding in Gen.Elements(RoundingRule.Nearest, RoundingRule.Down, RoundingRule.Up)
        from atLeastOne in Gen.Elements(false, true)
        from cap in Gen.Elements<int?>(null, null, 0, 2, 4)
        from inverse in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select FollowerRule.Default with
        {
            Mode = mode, Multiplier = multiplier, FixedQuantity = fixedQuantity, Rounding = rounding,
            AtLeastOneWhileLeaderInPosition = atLeastOne, MaxPosition = cap, Inverse = inverse,
        };

    private static readonly Gen<Step> Steps =
        from kind in Gen.Frequency((3, Gen.Constant(StepKind.Place)), (3, Gen.Constant(StepKind.Modify)), (2, Gen.Constant(StepKind.Cancel)), (3, Gen.Constant(StepKind.AcceptOne)))
        from type in Gen.Elements(OrderType.Limit, OrderType.Stop, OrderType.StopLimit, OrderType.TrailingStop)
        from side in Gen.Elements(Side.Buy, Side.Sell)
        from quantity in Gen.Choose(1, 5)
        from ticks in Gen.Choose(-8, 8)
        from index in Gen.Choose(0, 20)
        select new Step(kind, type, side, quantity, ticks, index);

    private static readonly Arbitrary<Scenario> Scenarios =
        (from rules in Rules.ListOf(3)
         from enabled in Gen.Elements(true, true, true, false).ListOf(3)
         from modify in Gen.Elements(true, false)
         from trailing in Gen.Elements(true, false)
         from steps in Steps.ListOf()
         select new Scenario(
             rules.Select((r, i) => Follower(i + 1, r, enabled[i])).ToList(),
             Full with { ModifyOrders = modify, TrailingStops = trailing, NativeOco = false },
             steps.ToList())).ToArbitrary();

    [Property(MaxTest = 400)]
    public Property WorkingCopiesMatchWorkingLeaderOrdersOneToOneWithScaledQuantities() => Prop.ForAll(Scenarios, scenario =>
    {
        var violations = new OrderMirrorSimulation(scenario.Followers, scenario.Capabilities).Run(scenario.Steps);
        return violations.Count == 0 ? true.Label("ok") : false.Label(string.Join("; ", violations));
    });

    [Fact]
    public void SimulationCatchesACopyThatOutlivesItsLeaderOrder()
    {
        var simulation = new OrderMirrorSimulation([Follower(1)], Full);
        simulation.Run([new Step(StepKind.Place, OrderType.Limit, Side.Buy, 1, 0, 0)]);

        simulation.ForgetLeaderOrdersForTest();

        Assert.NotEmpty(simulation.Check());
    }
}
