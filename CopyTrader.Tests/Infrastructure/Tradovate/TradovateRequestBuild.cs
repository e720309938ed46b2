using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateRequestBuild
{
    [Fact]
    public void AuthorizeCarriesTheRawTokenWithIdZero()
    {
        Assert.Equal("authorize\n0\n\neyJhbGciOi.abc", TradovateRequest.Authorize("eyJhbGciOi.abc"));
    }

    [Fact]
    public void KeepsEmptyQueryAndBodyFields()
    {
        Assert.Equal("executionReport/list\n4\n\n", TradovateRequest.Build("executionReport/list", 4));
    }

    [Fact]
    public void WritesQueryAndJsonBody()
    {
        Assert.Equal("user/syncrequest\n1\n\n{\"users\":[7]}", TradovateRequest.Build("user/syncrequest", 1, body: "{\"users\":[7]}"));
        Assert.Equal("contract/find\n12\nname=MNQZ6\n", TradovateRequest.Build("contract/find", 12, "name=MNQZ6"));
    }

    [Fact]
    public void HeartbeatIsAnEmptyArray()
    {
        Assert.Equal("[]", TradovateRequest.Heartbeat);
    }

    [Theory]
    [InlineData("/order/list", null)]
    [InlineData("order/\nlist", null)]
    [InlineData("", null)]
    [InlineData("order/list", "a=1\nb=2")]
    public void RefusesFieldsThatWouldBreakTheFraming(string endpoint, string? query)
    {
        Assert.ThrowsAny<ArgumentException>(() => TradovateRequest.Build(endpoint, 1, query));
    }

    [Fact]
    public void RefusesATokenWithANewline()
    {
        Assert.Throws<ArgumentException>(() => TradovateRequest.Authorize("abc\ndef"));
    }

    [Fact]
    public void IdsStartAfterAuthorizeAndNeverRepeat()
    {
        var ids = new TradovateRequestIds();

        var issued = Enumerable.Range(0, 1000).AsParallel().Select(_ => ids.Next()).ToList();

        Assert.Equal(0, TradovateRequestIds.Authorize);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), issued.Order());
    }
}
