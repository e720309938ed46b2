namespace CopyTrader.Domain.Trading;

public enum Side
{
    Buy,
    Sell,
}

public static class SideExtensions
{
    /// <summary>+1 for a buy, -1 for a sell: the sign a fill of this side adds to a net position.</summary>
    public static int Sign(this Side side) => side == Side.Buy ? 1 : -1;

    public static Side Opposite(this Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    public static Side ForDelta(int signedQuantity) => signedQuantity >= 0 ? Side.Buy : Side.Sell;
}
