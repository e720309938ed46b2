using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;
using CopyTrader.Tests.Fakes.Tradovate;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateSocketSessionTests
{
    private const string Fill =
        "{\"id\":501,\"orderId\":210518,\"contractId\":560901,\"timestamp\":\"2026-11-04T15:02:36.626Z\"," +
        "\"tradeDate\":{\"year\":2026,\"month\":11,\"day\":4},\"action\":\"Sell\",\"qty\":2,\"price\":21000.25,\"active\":true,\"finallyPaired\":0}";

    private const string Order =
        "{\"id\":210518,\"accountId\":25,\"contractId\":560901,\"timestamp\":\"2026-11-04T15:02:36.600Z\",\"action\":\"Sell\",\"ordStatus\":\"Working\",\"admin\":false}";

    [Fact]
    public async Task WaitsForOpenBeforeAuthorizing()
    {
        var delay = TimeSpan.FromMilliseconds(300);
        await using var h = await TradovateSocketHarness.StartAsync(TradovateSocketHarness.FastServer with { OpenDelay = delay });

        Assert.IsType<TradovateSessionMessage.Snapshot>(await h.NextMessageAsync());

        var connection = Assert.Single(h.Server.Connections);
        var first = connection.ReceivedFrames[0];
        Assert.Equal($"authorize\n0\n\n{FakeTradovateServer.DefaultToken}", first.Text);
        Assert.False(first.BeforeOpen);
        Assert.True(connection.OpenSentAt - connection.ConnectedAt >= delay - TimeSpan.FromMilliseconds(25)); // timers may fire a tick early
        Assert.True(first.At >= connection.OpenSentAt);
        Assert.Empty(connection.Violations);
    }

    [Fact]
    public async Task EndsWithServerTextGivenRejectedToken()
    {
        await using var h = await TradovateSocketHarness.StartAsync(token: "expired-token");

        var end = await h.EndAsync();

        Assert.Equal(new TradovateSessionEnd(TradovateSessionEndKind.AuthorizationFailed, "Invalid access token") { AnswerStatus = 401 }, end);
        Assert.False(await h.Session.Messages.WaitToReadAsync(h.Deadline));
        var connection = Assert.Single(h.Server.Connections);
        Assert.Equal(0, connection.SyncRequestCount);
        Assert.False(connection.IsAuthorized);
    }

    [Fact]
    public async Task SendsExactlyOneSyncRequestAndSurfacesTheSnapshot()
    {
        await using var h = await TradovateSocketHarness.StartAsync();

        var snapshot = Assert.IsType<TradovateSessionMessage.Snapshot>(await h.NextMessageAsync());
        var connection = Assert.Single(h.Server.Connections);
        await TradovateSocketHarness.EventuallyAsync(() => connection.HeartbeatTimes.Count >= 3, TimeSpan.FromSeconds(2));

        Assert.Equal(FakeTradovateSnapshot.UserId, snapshot.Data.GetProperty("users")[0].GetProperty("id").GetInt64());
        Assert.Equal(FakeTradovateSnapshot.AccountId, snapshot.Data.GetProperty("accounts")[0].GetProperty("id").GetInt64());
        Assert.Equal($"{{\"users\":[{FakeTradovateSnapshot.UserId}]}}", Assert.Single(connection.SyncRequestBodies));
        Assert.StartsWith("user/syncrequest\n1\n\n", connection.ReceivedFrames[1].Text);
        Assert.Empty(connection.Violations);
        Assert.False(h.Run.IsCompleted);
    }

    [Fact]
    public async Task SendsHeartbeatsAtTheConfiguredInterval()
    {
        await using var h = await TradovateSocketHarness.StartAsync();
        await h.NextMessageAsync();
        var connection = Assert.Single(h.Server.Connections);

        await TradovateSocketHarness.EventuallyAsync(() => connection.HeartbeatTimes.Count >= 7, TimeSpan.FromSeconds(2.5));

        // The median gap, so one thread-pool stall on a busy test machine does not decide the result.
        var times = connection.HeartbeatTimes;
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalMilliseconds).Order().ToArray();
        Assert.InRange(gaps[gaps.Length / 2], 120, 300);
        Assert.Empty(connection.Violations);
    }

    [Fact]
    public async Task DeliversAPushedFillDecoded()
    {
        await using var h = await TradovateSocketHarness.StartAsync();
        await h.NextMessageAsync();

        await h.Server.Connections[0].PushPropsAsync("fill", "Created", Fill);

        var props = Assert.IsType<TradovateSessionMessage.Props>(await h.NextMessageAsync());
        Assert.Equal("fill", props.Change.EntityType);
        Assert.Equal(TradovateEntityEventType.Created, props.Change.EventType);
        var lookups = new TradovateLookups(_ => "MNQZ6", _ => 25);
        var fill = TradovateFillMapper.Map(props.Change.Entity, lookups).Value;
        Assert.NotNull(fill);
        Assert.Equal(("501", "210518", "25", Side.Sell, 2, 21000.25m), (fill.FillId, fill.BrokerOrderId, fill.AccountId, fill.Side, fill.Quantity, fill.Price));
    }

    [Fact]
    public async Task SkipsMalformedFramesAndKeepsTheSocket()
    {
        await using var h = await TradovateSocketHarness.StartAsync();
        await h.NextMessageAsync();
        var connection = h.Server.Connections[0];

        await connection.SendRawAsync("a[{\"e\":\"props\",\"d\":");
        await connection.SendRawAsync("x-not-a-frame");
        await connection.PushAsync("{\"e\":\"props\",\"d\":{\"entityType\":\"fill\"}}", FakeTradovateConnection.Props("order", "Updated", Order));

        var props = Assert.IsType<TradovateSessionMessage.Props>(await h.NextMessageAsync());
        Assert.Equal(("order", 210518L), (props.Change.EntityType, props.Change.Entity.GetProperty("id").GetInt64()));
        Assert.False(h.Run.IsCompleted);
        Assert.Single(h.Server.Connections);
    }

    [Fact]
    public async Task EndsAsDeadGivenServerSilence()
    {
        var silence = TimeSpan.FromMilliseconds(400);
        await using var h = await TradovateSocketHarness.StartAsync(
            TradovateSocketHarness.FastServer with { HeartbeatInterval = null },
            TradovateSocketHarness.FastClient with { ServerSilenceTimeout = silence });
        await h.NextMessageAsync();
        var synced = DateTimeOffset.UtcNow;

        var end = await h.EndAsync();

        Assert.Equal(TradovateSessionEndKind.Dead, end.Kind);
        Assert.True(DateTimeOffset.UtcNow - synced >= silence - TimeSpan.FromMilliseconds(50));
        Assert.Contains("no frame from the server", end.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaysAliveWhileTheServerSendsHeartbeats()
    {
        await using var h = await TradovateSocketHarness.StartAsync(
            TradovateSocketHarness.FastServer with { HeartbeatInterval = TimeSpan.FromMilliseconds(100) },
            TradovateSocketHarness.FastClient with { ServerSilenceTimeout = TimeSpan.FromMilliseconds(800) });
        await h.NextMessageAsync();

        await Task.Delay(1200);

        var ended = h.Run.IsCompleted ? (await h.Run).ToString() : null;
        Assert.Null(ended);
    }

    [Fact]
    public async Task EndsWithTheReasonGivenACloseFrame()
    {
        await using var h = await TradovateSocketHarness.StartAsync();
        await h.NextMessageAsync();

        await h.Server.Connections[0].CloseWithFrameAsync(3000, "Go away!");

        Assert.Equal(new TradovateSessionEnd(TradovateSessionEndKind.ServerClosed, "Go away!", 3000), await h.EndAsync());
    }

    [Fact]
    public async Task EndsWithTheReasonGivenAShutdownEvent()
    {
        await using var h = await TradovateSocketHarness.StartAsync();
        await h.NextMessageAsync();

        await h.Server.Connections[0].ShutdownAsync("Maintenance", "Weekly window");

        Assert.Equal(new TradovateSessionEnd(TradovateSessionEndKind.Shutdown, "Maintenance: Weekly window"), await h.EndAsync());
    }

    [Fact]
    public async Task EndsAsConnectionLostGivenAnAbruptDrop()
    {
        await using var h = await TradovateSocketHarness.StartAsync();
        await h.NextMessageAsync();

        h.Server.Connections[0].Drop();

        Assert.Equal(TradovateSessionEndKind.ConnectionLost, (await h.EndAsync()).Kind);
    }

    [Fact]
    public async Task EndsAsCancelledAndClosesTheSocketGivenTheCallerCancels()
    {
        await using var h = await TradovateSocketHarness.StartAsync();
        await h.NextMessageAsync();

        await h.CancelAsync();

        Assert.Equal(TradovateSessionEndKind.Cancelled, (await h.Run.WaitAsync(TimeSpan.FromSeconds(3))).Kind);
        await h.Server.Connections[0].Closed.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.False(await h.Session.Messages.WaitToReadAsync());
    }

    [Fact]
    public async Task IsDroppedByTheFakeGivenNoClientHeartbeats()
    {
        await using var h = await TradovateSocketHarness.StartAsync(
            TradovateSocketHarness.FastServer with { ClientSilenceTimeout = TimeSpan.FromMilliseconds(300) },
            TradovateSocketHarness.FastClient with { HeartbeatInterval = TimeSpan.FromSeconds(30) });
        await h.NextMessageAsync();

        var end = await h.EndAsync();

        Assert.Equal(TradovateSessionEndKind.ConnectionLost, end.Kind);
        Assert.True(h.Server.Connections[0].DroppedForSilence);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1024 * 1024)]
    public async Task ReceivesATenMegabyteMessage(int fragmentBytes)
    {
        // Building and sending 10 MB can keep the fake silent for seconds on a loaded machine: not what this test is about.
        await using var h = await TradovateSocketHarness.StartAsync(client: TradovateSocketHarness.FastClient with { ServerSilenceTimeout = TimeSpan.FromSeconds(60) });
        await h.NextMessageAsync();
        var text = new string('x', 10 * 1024 * 1024);
        var order = Order.Replace("\"admin\":false", $"\"admin\":false,\"text\":\"{text}\"", StringComparison.Ordinal);
        var frame = $"a[{FakeTradovateConnection.Props("order", "Created", order)}]";
        var connection = h.Server.Connections[0];

        await (fragmentBytes == 0 ? connection.SendRawAsync(frame) : connection.SendFragmentedAsync(frame, fragmentBytes));

        var props = Assert.IsType<TradovateSessionMessage.Props>(await h.NextMessageAsync());
        Assert.Equal(text.Length, props.Change.Entity.GetProperty("text").GetString()!.Length);
        Assert.False(h.Run.IsCompleted);
    }
}
