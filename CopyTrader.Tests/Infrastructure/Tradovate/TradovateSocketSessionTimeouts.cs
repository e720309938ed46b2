using System.Net;
using System.Net.Sockets;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Tests.Fakes.Tradovate;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

/// <summary>The connect, <c>o</c>, authorize and sync deadlines, on the default 10 s each, driven by a fake clock.</summary>
public sealed class TradovateSocketSessionTimeouts : IAsyncLifetime
{
    private const string AuthorizeOk = "a[{\"s\":200,\"i\":0}]";
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan AlmostTen = TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(5));
    private readonly List<Task<TradovateSessionEnd>> _runs = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _deadline.CancelAsync();
        await Task.WhenAll(_runs).WaitAsync(TimeSpan.FromSeconds(3));
        _deadline.Dispose();
    }

    [Fact]
    public void DefaultsToTenSecondsPerStep()
    {
        var options = new TradovateSocketOptions();

        Assert.All(
            [options.ConnectTimeout, options.OpenTimeout, options.AuthorizeTimeout, options.SyncTimeout],
            t => Assert.Equal(TimeSpan.FromSeconds(10), t));
    }

    [Fact]
    public async Task EndsWhenTheConnectDoesNotFinish()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0); // accepts TCP, never answers the upgrade
        listener.Start();
        var run = Run(new Uri($"ws://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/v1/websocket"));
        using var accepted = await listener.AcceptTcpClientAsync(_deadline.Token);

        await AssertStillRunningAfterAsync(run, AlmostTen);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new TradovateSessionEnd(TradovateSessionEndKind.ConnectTimedOut, "no WebSocket connection within 10 s"), await End(run));
    }

    [Fact]
    public async Task EndsWhenNoOpenFrameArrives()
    {
        await using var fake = await FakeTradovateServer.StartAsync(TradovateSocketHarness.FastServer with { ManualOpen = true });
        // The client cannot be observed entering the wait for o, so the clock moves in steps until the session ends;
        // a connect timeout far away keeps the steps from ending the connect instead.
        var run = Run(fake.WebSocketUrl, new TradovateSocketOptions { ConnectTimeout = TimeSpan.FromHours(1) });
        var connection = await fake.NextConnectionAsync();

        await _clock.AdvanceUntilAsync(() => run.IsCompleted, TimeSpan.FromSeconds(1));

        Assert.Equal(new TradovateSessionEnd(TradovateSessionEndKind.OpenTimedOut, "no o frame within 10 s"), await End(run));
        Assert.Empty(connection.ReceivedFrames);
    }

    [Fact]
    public async Task EndsWhenAuthorizeIsNotAnswered()
    {
        await using var server = await ScriptedSocketServer.StartAsync();
        var run = Run(server.Url);
        var socket = await server.NextAsync();
        await socket.SendAsync("o");
        Assert.Equal($"authorize\n0\n\n{FakeTradovateServer.DefaultToken}", await socket.ReceiveAsync());

        await AssertStillRunningAfterAsync(run, AlmostTen);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new TradovateSessionEnd(TradovateSessionEndKind.AuthorizeTimedOut, "no authorize answer within 10 s"), await End(run));
    }

    [Fact]
    public async Task EndsWhenTheSyncRequestIsNotAnswered()
    {
        await using var server = await ScriptedSocketServer.StartAsync();
        var run = Run(server.Url);
        var socket = await server.NextAsync();
        await socket.SendAsync("o");
        await socket.ReceiveAsync();
        await socket.SendAsync(AuthorizeOk);
        Assert.StartsWith("user/syncrequest\n1\n\n", await socket.ReceiveAsync(), StringComparison.Ordinal);

        await AssertStillRunningAfterAsync(run, AlmostTen);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(new TradovateSessionEnd(TradovateSessionEndKind.SyncTimedOut, "no user/syncrequest answer within 10 s"), await End(run));
    }

    [Fact]
    public async Task GivesEachStepItsOwnDeadline()
    {
        await using var server = await ScriptedSocketServer.StartAsync();
        var session = Session(server.Url);
        var run = session.RunAsync(_deadline.Token);
        _runs.Add(run);
        var socket = await server.NextAsync();
        await socket.SendAsync("o");
        await socket.ReceiveAsync();

        _clock.Advance(TimeSpan.FromSeconds(9));
        await socket.SendAsync(AuthorizeOk);
        await socket.ReceiveAsync(); // the sync request: its 10 s start now, 9 s after the authorize
        await AssertStillRunningAfterAsync(run, TimeSpan.FromSeconds(9));
        await socket.SendAsync("a[{\"s\":200,\"i\":1,\"d\":{\"users\":[]}}]");

        Assert.IsType<TradovateSessionMessage.Snapshot>(await session.Messages.ReadAsync(_deadline.Token));
        Assert.False(run.IsCompleted);
        await _deadline.CancelAsync();
        Assert.Equal(TradovateSessionEndKind.Cancelled, (await run.WaitAsync(TimeSpan.FromSeconds(3))).Kind);
    }

    private TradovateSocketSession Session(Uri url, TradovateSocketOptions? options = null) => new(
        url, FakeTradovateServer.DefaultToken, TradovateSyncRequest.ForUser(FakeTradovateSnapshot.UserId),
        options ?? new TradovateSocketOptions(), _clock, NullLogger<TradovateSocketSession>.Instance);

    private Task<TradovateSessionEnd> Run(Uri url, TradovateSocketOptions? options = null)
    {
        var run = Session(url, options).RunAsync(_deadline.Token);
        _runs.Add(run);
        return run;
    }

    private static Task<TradovateSessionEnd> End(Task<TradovateSessionEnd> run) => run.WaitAsync(TimeSpan.FromSeconds(3));

    /// <summary>Advances the clock and gives the session a moment to react: it must still be running.</summary>
    private async Task AssertStillRunningAfterAsync(Task<TradovateSessionEnd> run, TimeSpan advance)
    {
        _clock.Advance(advance);
        await Task.Delay(50);
        Assert.False(run.IsCompleted, run.IsCompleted ? $"ended early: {await run}" : null);
    }
}
