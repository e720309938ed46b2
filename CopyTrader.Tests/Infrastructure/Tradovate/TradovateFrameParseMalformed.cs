using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateFrameParseMalformed
{
    [Theory]
    [InlineData(null, "empty frame")]
    [InlineData("", "empty frame")]
    [InlineData("x[1]", "unknown frame type 'x'")]
    [InlineData("{\"s\":200}", "unknown frame type '{'")]
    [InlineData("a", "frame 'a' has no JSON body")]
    [InlineData("a[{\"s\":200", "frame 'a' has invalid JSON")]
    [InlineData("a[1]]", "frame 'a' has invalid JSON")]
    [InlineData("a{\"s\":200,\"i\":1}", "frame 'a' is not followed by a JSON array but by a Object")]
    [InlineData("a\"text\"", "frame 'a' is not followed by a JSON array but by a String")]
    [InlineData("c", "frame 'c' has no JSON body")]
    [InlineData("c{}", "frame 'c' is not followed by a JSON array")]
    [InlineData("c[\"3000\",\"x\"]", "close frame 'c' does not start with an integer code")]
    [InlineData("c[3000,7]", "close frame 'c' has a reason that is not a string")]
    [InlineData("ox", "open frame 'o' has trailing content")]
    [InlineData("h[]", "heartbeat frame 'h' has trailing content")]
    public void ReportsWhyAFrameIsUnreadable(string? text, string reason)
    {
        var malformed = Assert.IsType<TradovateFrame.Malformed>(TradovateFrame.Parse(text));

        Assert.StartsWith(reason, malformed.Reason, StringComparison.Ordinal);
        Assert.Equal(text ?? "", malformed.Excerpt);
    }

    [Fact]
    public void KeepsOnlyTheStartOfALongUnreadableFrame()
    {
        var text = "a[" + new string('x', 5000);

        var malformed = Assert.IsType<TradovateFrame.Malformed>(TradovateFrame.Parse(text));

        Assert.Equal(text[..TradovateFrame.ExcerptLength], malformed.Excerpt);
    }

    [Theory]
    [InlineData("42", "element 0 is a Number, not an object")]
    [InlineData("{\"d\":{}}", "element 0 is neither a response (no \"i\") nor an event (no \"e\")")]
    [InlineData("{\"e\":7,\"d\":{}}", "event at element 0 has an \"e\" that is not a non-empty string")]
    [InlineData("{\"e\":\"props\"}", "event 'props' at element 0 has no \"d\"")]
    [InlineData("{\"i\":\"1\",\"s\":200}", "response at element 0 has an \"i\" that is not a non-negative integer")]
    [InlineData("{\"i\":-1,\"s\":200}", "response at element 0 has an \"i\" that is not a non-negative integer")]
    [InlineData("{\"i\":1}", "response 1 at element 0 has no integer status \"s\"")]
    [InlineData("{\"i\":1,\"s\":\"200\"}", "response 1 at element 0 has no integer status \"s\"")]
    public void MarksAnUnreadableElementAndKeepsItsNeighbours(string element, string reason)
    {
        var frame = TradovateFrame.Parse($"a[{element},{{\"s\":200,\"i\":3}}]");

        var items = Assert.IsType<TradovateFrame.Messages>(frame).Items;
        var malformed = Assert.IsType<TradovateMessage.Malformed>(items[0]);
        Assert.Equal(reason, malformed.Reason);
        Assert.Equal(element, malformed.Excerpt);
        Assert.Equal(3, Assert.IsType<TradovateMessage.Response>(items[1]).RequestId);
    }
}
