using System.Diagnostics;
using System.Threading.Channels;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public class TradovateStreamSupervisorTests
{
    [Fact]
    public async Task ReconnectsAfterADropAndSyncsOnceOnTheNewSocket()
    {
        await using var h = await TradovateStreamHarness.StartAsync();
        Assert.Equal(new TradovateSessionMessage.SessionStarted(1), await h.NextMessageAsync());
        Assert.IsType<TradovateSessionMessage.Snapshot>(await h.NextMessageAsync());

        h.Server.Connections[0].Drop();

        var end = await h.NextEndAsync();
        Assert.Equal(new TradovateSessionMessage.SessionStarted(2), await h.NextMessageAsync());
        Assert.IsType<TradovateSessionMessage.Snapshot>(await h.NextMessageAsync());
        Assert.Equal((1, TradovateSessionEndKind.ConnectionLost), (end.Session, end.End.Kind));
        Assert.Equal(TradovateStreamHarness.FastBackoff.BaseDelay, end.NextDelay);
        Assert.Equal(2, h.Server.Connections.Count);
        Assert.All(h.Server.Connections, c => Assert.Equal(1, c.SyncRequestCount));
        Assert.All(h.Server.Connections, c => Assert.Empty(c.Violations));
    }

    [Fact]
    public async Task HoldsTheGateFromConnectUntilTheSnapshot()
    {
        await using var h = await TradovateStreamHarness.StartAsync(server: TradovateSocketHarness.FastServer with { ManualOpen = true });
        var connection = await h.Server.NextConnectionAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(1, h.Gate.InFlight);
        connection.ReleaseOpen();
        await h.NextMessageAsync();
        Assert.IsType<TradovateSessionMessage.Snapshot>(await h.NextMessageAsync());
        Assert.Equal(0, h.Gate.InFlight);
    }

    [Fact]
    public async Task BacksOffOnRepeatedAuthorizationFailures()
    {
        var clock = Stopwatch.StartNew();
        await using var h = await TradovateStreamHarness.StartAsync(_ => Task.FromResult("expired-token"));

        var ends = new List<TradovateStreamEnd>();
        for (var i = 0; i < 4; i++)
        {
            ends.Add(await h.NextEndAsync());
        }

        Assert.All(ends, e => Assert.Equal(new TradovateSessionEnd(TradovateSessionEndKind.AuthorizationFailed, "Invalid access token") { AnswerStatus = 401 }, e.End));
        Assert.Equal([100, 200, 400, 800], ends.Select(e => (int)e.NextDelay.TotalMilliseconds));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(700 - 50)); // three waits before the fourth end
        Assert.InRange(h.Server.Connections.Count, 4, 5); // one socket per attempt, no tight loop
        Assert.All(h.Server.Connections, c => Assert.Equal(0, c.SyncRequestCount));
    }

    [Fact]
    public async Task AsksForATokenPerAttempt()
    {
        var calls = 0;
        await using var h = await TradovateStreamHarness.StartAsync(
            _ => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? "expired-token" : Fakes.Tradovate.FakeTradovateServer.DefaultToken));

        var end = await h.NextEndAsync();
        Assert.Equal(new TradovateSessionMessage.SessionStarted(2), await h.NextMessageAsync());
        Assert.IsType<TradovateSessionMessage.Snapshot>(await h.NextMessageAsync());

        Assert.Equal(TradovateSessionEndKind.AuthorizationFailed, end.End.Kind);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ReportsATokenProviderFailureAndBacksOff()
    {
        await using var h = await TradovateStreamHarness.StartAsync(_ => throw new InvalidOperationException("renewal refused"));

        var first = await h.NextEndAsync();
        var second = await h.NextEndAsync();

        Assert.Equal(new TradovateSessionEnd(TradovateSessionEndKind.AuthorizationFailed, "no access token: renewal refused"), first.End);
        Assert.True(second.NextDelay > first.NextDelay);
        Assert.Empty(h.Server.Connections);
    }

    [Fact]
    public async Task StopsPromptlyWhenCancelledWhileConnected()
    {
        await using var h = await TradovateStreamHarness.StartAsync();
        await h.NextMessageAsync();
        await h.NextMessageAsync();

        await h.CancelAsync();

        await h.Run.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.True(h.Supervisor.Messages.Completion.IsCompleted);
        await h.Server.Connections[0].Closed.WaitAsync(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task StopsPromptlyWhenCancelledDuringTheBackoff()
    {
        await using var h = await TradovateStreamHarness.StartAsync(
            _ => Task.FromResult("expired-token"), TradovateStreamHarness.FastBackoff with { BaseDelay = TimeSpan.FromSeconds(30) });
        await h.NextEndAsync();

        await h.CancelAsync();

        await h.Run.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Single(h.Server.Connections);
    }

    [Fact]
    public async Task ReleasesTheGateAndBacksOffWhenAuthorizeIsNotAnswered()
    {
        await using var server = await ScriptedSocketServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero)); // Wednesday, open
        var gate = new ConnectGate(new ConnectGateOptions { MinSpacing = TimeSpan.Zero }, TimeProvider.System);
        var supervisor = new TradovateStreamSupervisor(
            server.Url, TradovateSyncRequest.ForUser(1), _ => Task.FromResult("token"),
            new TradovateStreamOptions { Backoff = TradovateStreamHarness.FastBackoff }, gate, () => 0, clock, NullLoggerFactory.Instance);
        var ends = Channel.CreateUnbounded<TradovateStreamEnd>();
        supervisor.SessionEnded += e => ends.Writer.TryWrite(e);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var run = supervisor.RunAsync(stop.Token);

        var first = await server.NextAsync();
        await first.SendAsync("o");
        await first.ReceiveAsync();
        Assert.Equal(1, gate.InFlight);
        clock.Advance(TimeSpan.FromSeconds(10));
        var end = await ends.Reader.ReadAsync(stop.Token);
        Assert.Equal(0, gate.InFlight);
        var second = server.NextAsync();
        await clock.AdvanceUntilAsync(() => second.IsCompleted, TimeSpan.FromMilliseconds(20));

        Assert.Equal(new TradovateSessionEnd(TradovateSessionEndKind.AuthorizeTimedOut, "no authorize answer within 10 s"), end.End);
        Assert.Equal((TradovateStreamHarness.FastBackoff.BaseDelay, (string?)null), (end.NextDelay, end.DelayReason));
        await (await second).SendAsync("o");
        Assert.StartsWith("authorize", await (await second).ReceiveAsync(), StringComparison.Ordinal);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(3));
        Assert.Equal(0, gate.InFlight);
    }
}
