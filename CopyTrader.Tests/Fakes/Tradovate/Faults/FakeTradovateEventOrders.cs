using CopyTrader.Tests.Fakes.Tradovate.Exchange;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>Ready-made <see cref="FakeTradovateFaults.ReorderEvents"/> values (the real order is not documented [U]).</summary>
public static class FakeTradovateEventOrders
{
    /// <summary>The batch backwards: the position and fill arrive before their order exists.</summary>
    public static IEnumerable<FakePropsEvent> Reversed(IReadOnlyList<FakePropsEvent> batch) => batch.Reverse();

    /// <summary>Fills first, then the rest in order: a fill for an order the client has not seen yet.</summary>
    public static IEnumerable<FakePropsEvent> FillsFirst(IReadOnlyList<FakePropsEvent> batch) =>
        batch.Where(e => e.EntityType == "fill").Concat(batch.Where(e => e.EntityType != "fill"));

    /// <summary>Positions first, then the rest in order: the position moves before the fill that moved it.</summary>
    public static IEnumerable<FakePropsEvent> PositionsFirst(IReadOnlyList<FakePropsEvent> batch) =>
        batch.Where(e => e.EntityType == "position").Concat(batch.Where(e => e.EntityType != "position"));
}
