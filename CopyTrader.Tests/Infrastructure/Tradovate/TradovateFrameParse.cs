using System.Text;
using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateFrameParse
{
    [Fact]
    public void ReadsOpenAndHeartbeat()
    {
        Assert.IsType<TradovateFrame.Open>(TradovateFrame.Parse("o"));
        Assert.IsType<TradovateFrame.Heartbeat>(TradovateFrame.Parse("h"));
    }

    [Fact]
    public void ReadsCloseWithCodeAndReason()
    {
        var close = Assert.IsType<TradovateFrame.Close>(TradovateFrame.Parse("c[3000,\"Go away!\"]"));

        Assert.Equal(new TradovateFrame.Close(3000, "Go away!"), close);
    }

    [Fact]
    public void ReadsCloseWithoutReason()
    {
        Assert.Equal(new TradovateFrame.Close(1000, null), TradovateFrame.Parse("c[1000]"));
    }

    [Fact]
    public void ReadsSuccessfulAuthorizeResponse()
    {
        var item = Assert.Single(Messages("a[{\"s\":200,\"i\":0}]"));

        var response = Assert.IsType<TradovateMessage.Response>(item);
        Assert.Equal(0, response.RequestId);
        Assert.True(response.IsSuccess);
        Assert.Null(response.Data);
        Assert.Null(response.Error);
    }

    [Fact]
    public void ReadsErrorTextOfFailedResponse()
    {
        var response = Assert.IsType<TradovateMessage.Response>(Assert.Single(Messages("a[{\"i\":0,\"s\":401,\"d\":\"Invalid access token\"}]")));

        Assert.False(response.IsSuccess);
        Assert.Equal(401, response.Status);
        Assert.Equal("Invalid access token", response.Error);
    }

    [Fact]
    public void ReadsRateLimitResponseWithoutData()
    {
        var response = Assert.IsType<TradovateMessage.Response>(Assert.Single(Messages("a[{\"s\":429,\"i\":7}]")));

        Assert.Equal(7, response.RequestId);
        Assert.False(response.IsSuccess);
        Assert.Null(response.Error);
    }

    [Fact]
    public void ReadsMixedResponsesAndEventsInOrder()
    {
        var items = Messages(
            "a[{\"s\":200,\"i\":1,\"d\":{\"users\":[]}},{\"e\":\"props\",\"d\":{\"entityType\":\"fill\"}}," +
            "{\"e\":\"shutdown\",\"d\":{\"reasonCode\":\"Maintenance\"}},{\"e\":\"clock\",\"d\":\"{\\\"t\\\":1}\"},{\"e\":\"md\",\"d\":{}},{\"e\":\"chart\",\"d\":{}}]");

        Assert.Equal(6, items.Count);
        Assert.Equal(1, Assert.IsType<TradovateMessage.Response>(items[0]).RequestId);
        var kinds = items.Skip(1).Select(m => Assert.IsType<TradovateMessage.Event>(m).Kind);
        Assert.Equal([TradovateEventKind.Props, TradovateEventKind.Shutdown, TradovateEventKind.Clock, TradovateEventKind.Md, TradovateEventKind.Chart], kinds);
        Assert.Equal(JsonValueKind.String, ((TradovateMessage.Event)items[3]).Data.ValueKind);
    }

    [Fact]
    public void KeepsAnUnknownEventTypeAsOther()
    {
        var message = Assert.IsType<TradovateMessage.Event>(Assert.Single(Messages("a[{\"e\":\"brandNew\",\"d\":1}]")));

        Assert.Equal(TradovateEventKind.Other, message.Kind);
        Assert.Equal("brandNew", message.Name);
    }

    [Fact]
    public void ReadsAnEmptyMessageArray()
    {
        Assert.Empty(Messages("a[]"));
    }

    [Fact]
    public void ReadsATenMegabyteFrame()
    {
        var text = new StringBuilder("a[{\"s\":200,\"i\":1,\"d\":{\"fills\":[");
        var count = 0;
        while (text.Length < 10 * 1024 * 1024)
        {
            text.Append(count == 0 ? "" : ",").Append("{\"id\":").Append(count++).Append(",\"price\":21000.25,\"action\":\"Buy\"}");
        }

        text.Append("]}},{\"e\":\"props\",\"d\":{}}]");

        var items = Messages(text.ToString());

        var response = Assert.IsType<TradovateMessage.Response>(items[0]);
        Assert.Equal(count, response.Data!.Value.GetProperty("fills").GetArrayLength());
        Assert.IsType<TradovateMessage.Event>(items[1]);
    }

    private static IReadOnlyList<TradovateMessage> Messages(string text) =>
        Assert.IsType<TradovateFrame.Messages>(TradovateFrame.Parse(text)).Items;
}
