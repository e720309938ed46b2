using CopyTrader.Domain.Copying;

namespace CopyTrader.Tests.Domain;

public class CopyTagFor
{
    [Fact]
    public void IsDeterministicPerLeaderEventAndFollower()
    {
        Assert.Equal(CopyTag.For(1, "F-9", 3), CopyTag.For(1, "F-9", 3));
        Assert.NotEqual(CopyTag.For(1, "F-9", 3), CopyTag.For(1, "F-9", 4));
        Assert.NotEqual(CopyTag.For(1, "F-9", 3), CopyTag.For(1, "F-10", 3));
        Assert.NotEqual(CopyTag.For(1, "F-9", 3), CopyTag.For(2, "F-9", 3));
    }

    [Fact]
    public void IsRecognisedAndShort()
    {
        var tag = CopyTag.For(12345, new string('x', 200), 99999);

        Assert.True(CopyTag.IsCopyTag(tag));
        Assert.True(tag.Length <= 30, tag);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("manual-1")]
    [InlineData("ct-lowercase")]
    public void OtherClientOrderIdsAreNotOurs(string? clientOrderId) => Assert.False(CopyTag.IsCopyTag(clientOrderId));
}
