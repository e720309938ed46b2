using CopyTrader.Domain.Trading;

namespace CopyTrader.Tests.Domain;

public class PositionApplyFill
{
    private const decimal MnqPointValue = 2m;

    [Fact]
    public void OpensLongAtFillPrice()
    {
        var position = new Position("MNQZ6");

        var realized = position.ApplyFill(Side.Buy, 2, 21000.25m, MnqPointValue);

        Assert.Equal(2, position.Quantity);
        Assert.Equal(21000.25m, position.AveragePrice);
        Assert.Equal(0m, realized);
    }

    [Fact]
    public void AveragesPriceWhenAdding()
    {
        var position = new Position("MNQZ6");
        position.ApplyFill(Side.Buy, 1, 21000m, MnqPointValue);

        position.ApplyFill(Side.Buy, 3, 21004m, MnqPointValue);

        Assert.Equal(4, position.Quantity);
        Assert.Equal(21003m, position.AveragePrice);
    }

    [Fact]
    public void RealizesProfitOnTrimAndKeepsAverage()
    {
        var position = new Position("MNQZ6");
        position.ApplyFill(Side.Buy, 3, 21000m, MnqPointValue);

        var realized = position.ApplyFill(Side.Sell, 1, 21010m, MnqPointValue);

        Assert.Equal(20m, realized); // 10 points × 1 contract × $2
        Assert.Equal(2, position.Quantity);
        Assert.Equal(21000m, position.AveragePrice);
    }

    [Fact]
    public void RealizesLossOnShortCovered()
    {
        var position = new Position("ESZ6");
        position.ApplyFill(Side.Sell, 2, 6000m, 50m);

        var realized = position.ApplyFill(Side.Buy, 2, 6001.25m, 50m);

        Assert.Equal(-125m, realized);
        Assert.True(position.IsFlat);
        Assert.Equal(0m, position.AveragePrice);
        Assert.Equal(-125m, position.RealizedPnl);
    }

    [Fact]
    public void ReversalOpensRemainderAtFillPrice()
    {
        var position = new Position("MNQZ6");
        position.ApplyFill(Side.Buy, 1, 21000m, MnqPointValue);

        var realized = position.ApplyFill(Side.Sell, 3, 20990m, MnqPointValue);

        Assert.Equal(-20m, realized);
        Assert.Equal(-2, position.Quantity);
        Assert.Equal(20990m, position.AveragePrice);
    }

    [Fact]
    public void OpenPnlFollowsMarkForShort()
    {
        var position = new Position("MNQZ6");
        position.ApplyFill(Side.Sell, 2, 21000m, MnqPointValue);

        Assert.Equal(20m, position.OpenPnl(20995m, MnqPointValue));
        Assert.Equal(-20m, position.OpenPnl(21005m, MnqPointValue));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ThrowsGivenNonPositiveQuantity(int quantity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Position("ES").ApplyFill(Side.Buy, quantity, 1m, 1m));
}
