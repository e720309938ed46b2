namespace CopyTrader.Domain.Instruments;

/// <summary>Contract economics of one root: the smallest price step and what one point is worth.</summary>
public sealed record InstrumentSpec(string Root, string Description, decimal TickSize, decimal PointValue)
{
    public decimal TickValue => TickSize * PointValue;

    /// <summary>Rounds a price to the nearest valid tick (midpoint away from zero).</summary>
    public decimal RoundToTick(decimal price) =>
        Math.Round(price / TickSize, MidpointRounding.AwayFromZero) * TickSize;
}
