namespace CopyTrader.Domain.Trading;

/// <summary>
/// A net position in one contract: signed quantity (long &gt; 0, short &lt; 0), average entry price and the
/// profit realised by fills that reduced it. Changed only through <see cref="ApplyFill"/>.
/// </summary>
public sealed class Position(string symbol)
{
    public string Symbol { get; } = symbol;
    public int Quantity { get; private set; }
    public decimal AveragePrice { get; private set; }
    public decimal RealizedPnl { get; private set; }

    public bool IsFlat => Quantity == 0;

    /// <summary>Applies a fill and returns the profit it realised (0 when it only opened or added).</summary>
    public decimal ApplyFill(Side side, int quantity, decimal price, decimal pointValue)
    {
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A fill quantity must be positive.");
        }

        var delta = side.Sign() * quantity;
        var realized = 0m;
        if (Quantity == 0 || Math.Sign(Quantity) == Math.Sign(delta))
        {
            AveragePrice = (AveragePrice * Math.Abs(Quantity) + price * quantity) / (Math.Abs(Quantity) + quantity);
        }
        else
        {
            var closed = Math.Min(Math.Abs(Quantity), quantity);
            realized = (price - AveragePrice) * closed * Math.Sign(Quantity) * pointValue;
            if (quantity > Math.Abs(Quantity))
            {
                AveragePrice = price; // reversed through zero: the remainder opened at this fill's price
            }
        }

        Quantity += delta;
        if (Quantity == 0)
        {
            AveragePrice = 0m;
        }

        RealizedPnl += realized;
        return realized;
    }

    public decimal OpenPnl(decimal markPrice, decimal pointValue) =>
        Quantity == 0 ? 0m : (markPrice - AveragePrice) * Quantity * pointValue;
}
