using System.Net;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateAuthResponseRead
{
    [Fact]
    public void RefusesGivenErrorTextEvenWithATokenBeside()
    {
        var result = TradovateAuthResponseReader.Read(HttpStatusCode.OK,
            "{\"errorText\":\"Access denied\",\"accessToken\":\"x\",\"expirationTime\":\"2026-11-04T16:00:00Z\",\"userId\":1}");

        Assert.Equal(new TradovateAuthResult.Refused("Access denied"), result);
    }

    [Fact]
    public void ParsesExpirationTimeAsUtc()
    {
        var result = TradovateAuthResponseReader.Read(HttpStatusCode.OK,
            "{\"accessToken\":\"x\",\"expirationTime\":\"2026-11-04T17:00:00+01:00\",\"userId\":1}");

        var token = Assert.IsType<TradovateAuthResult.Granted>(result).Token;
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 16, 0, 0, TimeSpan.Zero), token.ExpirationTime);
        Assert.Equal(TimeSpan.Zero, token.ExpirationTime.Offset);
        Assert.Null(token.MdAccessToken);
        Assert.Null(token.Name);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"accessToken\":\"x\",\"userId\":1}")]
    [InlineData("{\"accessToken\":\"x\",\"expirationTime\":\"soon\",\"userId\":1}")]
    [InlineData("{\"accessToken\":\"x\",\"expirationTime\":\"2026-11-04T16:00:00Z\"}")]
    [InlineData("{\"p-ticket\":\"t1\"}")]
    [InlineData("{\"p-ticket\":3,\"p-time\":2}")]
    [InlineData("{\"errorText\":\"\"}")]
    public void FailsGivenAnUndocumentedOk(string body)
    {
        var failed = Assert.IsType<TradovateAuthResult.Failed>(TradovateAuthResponseReader.Read(HttpStatusCode.OK, body));

        Assert.DoesNotContain("\"x\"", failed.Reason);
    }

    [Fact]
    public void FailsWithStatusAndAnExcerptOfTheBody()
    {
        var body = "Internal timeout " + new string('.', 500);

        var failed = Assert.IsType<TradovateAuthResult.Failed>(TradovateAuthResponseReader.Read(HttpStatusCode.InternalServerError, body));

        Assert.StartsWith("HTTP 500 InternalServerError: Internal timeout", failed.Reason);
        Assert.True(failed.Reason.Length < 260);
    }
}
