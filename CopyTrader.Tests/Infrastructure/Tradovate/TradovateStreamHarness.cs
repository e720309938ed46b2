using System.Threading.Channels;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;
using CopyTrader.Tests.Fakes.Tradovate;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

/// <summary>A fake server and a running supervisor against it, with a scaled-down backoff and a test deadline.</summary>
internal sealed class TradovateStreamHarness : IAsyncDisposable
{
    public static readonly ReconnectBackoffOptions FastBackoff = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(1),
        StableAfter = TimeSpan.FromSeconds(30),
    };

    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(6));
    private readonly Channel<TradovateStreamEnd> _ends = Channel.CreateUnbounded<TradovateStreamEnd>();

    private TradovateStreamHarness(FakeTradovateServer server, ConnectGate gate, TradovateStreamSupervisor supervisor)
    {
        Server = server;
        Gate = gate;
        Supervisor = supervisor;
        supervisor.SessionEnded += end => _ends.Writer.TryWrite(end);
        Run = supervisor.RunAsync(_deadline.Token);
    }

    public FakeTradovateServer Server { get; }

    public ConnectGate Gate { get; }

    public TradovateStreamSupervisor Supervisor { get; }

    public Task Run { get; }

    public CancellationToken Deadline => _deadline.Token;

    /// <summary>
    /// Starts a supervisor on <paramref name="clock"/> (the system clock by default; the gate always runs on it).
    /// The market-closed hold is off unless <paramref name="configure"/> turns it on, so tests on the system clock
    /// do not depend on the weekday they run.
    /// </summary>
    public static async Task<TradovateStreamHarness> StartAsync(
        Func<CancellationToken, Task<string>>? tokens = null, ReconnectBackoffOptions? backoff = null, FakeTradovateOptions? server = null,
        TimeProvider? clock = null, Func<TradovateStreamOptions, TradovateStreamOptions>? configure = null, ILoggerFactory? loggers = null)
    {
        var fake = await FakeTradovateServer.StartAsync(server ?? TradovateSocketHarness.FastServer);
        var gate = new ConnectGate(new ConnectGateOptions { MinSpacing = TimeSpan.FromMilliseconds(10) }, TimeProvider.System);
        var options = new TradovateStreamOptions
        {
            Socket = TradovateSocketHarness.FastClient,
            Backoff = backoff ?? FastBackoff,
            SuppressReconnectWhileMarketClosed = false,
        };
        var supervisor = new TradovateStreamSupervisor(
            fake.WebSocketUrl, TradovateSyncRequest.ForUser(FakeTradovateSnapshot.UserId),
            tokens ?? (_ => Task.FromResult(FakeTradovateServer.DefaultToken)),
            configure?.Invoke(options) ?? options, gate, () => 0, clock ?? TimeProvider.System, loggers ?? NullLoggerFactory.Instance);
        return new TradovateStreamHarness(fake, gate, supervisor);
    }

    public Task<TradovateSessionMessage> NextMessageAsync() => Supervisor.Messages.ReadAsync(Deadline).AsTask();

    public Task<TradovateStreamEnd> NextEndAsync() => _ends.Reader.ReadAsync(Deadline).AsTask();

    public Task CancelAsync() => _deadline.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _deadline.CancelAsync();
        await Run;
        await Server.DisposeAsync();
        _deadline.Dispose();
    }
}
