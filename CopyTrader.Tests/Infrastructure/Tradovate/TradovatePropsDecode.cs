using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovatePropsDecode
{
    [Fact]
    public void DecodesTheDocumentedOrderExample()
    {
        var frame = TradovateFrame.Parse(
            "a[{\"e\":\"props\",\"d\":{\"entityType\":\"order\",\"eventType\":\"Created\",\"entity\":{\"id\":210518,\"accountId\":25," +
            "\"contractId\":560901,\"timestamp\":\"2016-11-04T00:02:36.626Z\",\"action\":\"Sell\",\"ordStatus\":\"PendingNew\",\"admin\":false}}}]");
        var message = Assert.IsType<TradovateMessage.Event>(Assert.Single(Assert.IsType<TradovateFrame.Messages>(frame).Items));

        var result = TradovateProps.Decode(message.Data);

        var props = Assert.Single(result.Value!);
        Assert.Equal("order", props.EntityType);
        Assert.Equal(TradovateEntityEventType.Created, props.EventType);
        Assert.Equal(210518, props.Entity.GetProperty("id").GetInt64());
    }

    [Fact]
    public void YieldsOneEventPerElementOfAnEntityArray()
    {
        var result = TradovateProps.Decode(Json("{\"entityType\":\"fill\",\"eventType\":\"Updated\",\"entity\":[{\"id\":1},{\"id\":2}]}"));

        Assert.True(result.IsOk);
        Assert.Equal([1L, 2L], result.Value!.Select(p => p.Entity.GetProperty("id").GetInt64()));
        Assert.All(result.Value!, p => Assert.Equal(TradovateEntityEventType.Updated, p.EventType));
    }

    [Fact]
    public void ReadsDeleted()
    {
        var result = TradovateProps.Decode(Json("{\"entityType\":\"order\",\"eventType\":\"Deleted\",\"entity\":{\"id\":9}}"));

        Assert.Equal(TradovateEntityEventType.Deleted, Assert.Single(result.Value!).EventType);
    }

    [Theory]
    [InlineData("[]", "props data is a Array, not an object")]
    [InlineData("{\"eventType\":\"Created\",\"entity\":{}}", "props data has no string \"entityType\"")]
    [InlineData("{\"entityType\":\"fill\",\"eventType\":\"Born\",\"entity\":{}}", "props 'fill' has no \"eventType\" of Created, Updated or Deleted")]
    [InlineData("{\"entityType\":\"fill\",\"eventType\":\"1\",\"entity\":{}}", "props 'fill' has no \"eventType\" of Created, Updated or Deleted")]
    [InlineData("{\"entityType\":\"fill\",\"eventType\":\"Created\"}", "props 'fill' Created has no \"entity\"")]
    [InlineData("{\"entityType\":\"fill\",\"eventType\":\"Created\",\"entity\":5}", "props 'fill' Created has an entity that is a Number, not an object or array")]
    [InlineData("{\"entityType\":\"fill\",\"eventType\":\"Created\",\"entity\":[{},3]}", "props 'fill' Created has an array element that is a Number, not an object")]
    public void ReportsWhyPropsAreUnreadable(string data, string reason)
    {
        var result = TradovateProps.Decode(Json(data));

        Assert.Equal(TradovateWireOutcome.Malformed, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    internal static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);
}
