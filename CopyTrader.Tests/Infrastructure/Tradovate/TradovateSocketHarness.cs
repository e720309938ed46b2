using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Tests.Fakes.Tradovate;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

/// <summary>A fake server and one running client session against it, with short intervals and a test deadline.</summary>
internal sealed class TradovateSocketHarness : IAsyncDisposable
{
    public static readonly TradovateSocketOptions FastClient = new()
    {
        HeartbeatInterval = TimeSpan.FromMilliseconds(150),
        // Tests of silence detection set their own; this one only has to survive a loaded machine's pauses.
        ServerSilenceTimeout = TimeSpan.FromSeconds(4),
        ConnectTimeout = TimeSpan.FromSeconds(2),
    };

    public static readonly FakeTradovateOptions FastServer = new() { HeartbeatInterval = TimeSpan.FromMilliseconds(200) };

    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(5));

    private TradovateSocketHarness(FakeTradovateServer server, TradovateSocketSession session)
    {
        Server = server;
        Session = session;
        Run = session.RunAsync(_deadline.Token);
    }

    public FakeTradovateServer Server { get; }

    public TradovateSocketSession Session { get; }

    public Task<TradovateSessionEnd> Run { get; }

    public CancellationToken Deadline => _deadline.Token;

    public static async Task<TradovateSocketHarness> StartAsync(
        FakeTradovateOptions? server = null, TradovateSocketOptions? client = null, string token = FakeTradovateServer.DefaultToken)
    {
        var fake = await FakeTradovateServer.StartAsync(server ?? FastServer);
        var session = new TradovateSocketSession(
            fake.WebSocketUrl, token, TradovateSyncRequest.ForUser(FakeTradovateSnapshot.UserId),
            client ?? FastClient, TimeProvider.System, NullLogger<TradovateSocketSession>.Instance);
        return new TradovateSocketHarness(fake, session);
    }

    public Task<TradovateSessionMessage> NextMessageAsync() => Session.Messages.ReadAsync(Deadline).AsTask();

    /// <summary>Waits for the session to end, within the test deadline.</summary>
    public Task<TradovateSessionEnd> EndAsync() => Run.WaitAsync(Deadline);

    /// <summary>Cancels the session's token, as a stopping connector would.</summary>
    public Task CancelAsync() => _deadline.CancelAsync();

    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < until, "condition not met in time");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _deadline.CancelAsync();
        await Run;
        await Server.DisposeAsync();
        _deadline.Dispose();
    }
}
