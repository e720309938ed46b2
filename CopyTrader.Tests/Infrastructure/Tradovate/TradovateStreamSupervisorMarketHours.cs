using System.Collections.Concurrent;
using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Reconnect;
using CopyTrader.Tests.Fakes.Tradovate;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

/// <summary>The market-closed hold (seed pitfall 20) on a fake clock, against the loopback fake.</summary>
public class TradovateStreamSupervisorMarketHours
{
    private static readonly DateTimeOffset Saturday = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SundayLead = new(2026, 11, 29, 22, 55, 0, TimeSpan.Zero); // 16:55 CST

    private readonly ConcurrentQueue<DateTimeOffset> _attempts = new();

    [Fact]
    public async Task HoldsTheReconnectUntilFiveMinutesBeforeTheOpen()
    {
        var clock = new FakeTimeProvider(Saturday);
        await using var h = await StartAsync(clock, attempt => attempt == 1 ? "expired-token" : FakeTradovateServer.DefaultToken);

        var end = await h.NextEndAsync();
        Assert.Equal(TradovateSessionEndKind.AuthorizationFailed, end.End.Kind);
        Assert.Equal("market closed; reconnecting at 2026-11-29T22:55:00Z", end.DelayReason);
        Assert.Equal(SundayLead - Saturday, end.NextDelay);

        // Hour by hour through the hold: each safety wake re-reads the clock and sleeps again without connecting.
        await clock.AdvanceToAsync(SundayLead - TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        await Task.Delay(100);
        Assert.Equal([Saturday], _attempts);
        Assert.Single(h.Server.Connections);

        clock.Advance(TimeSpan.FromSeconds(1)); // every sleep of the hold ends at the reconnect time at the latest
        await TradovateSocketHarness.EventuallyAsync(() => _attempts.Count == 2, TimeSpan.FromSeconds(3));

        Assert.Equal(SundayLead, _attempts.Last());
        Assert.Equal(new TradovateSessionMessage.SessionStarted(2), await h.NextMessageAsync());
        Assert.IsType<TradovateSessionMessage.Snapshot>(await h.NextMessageAsync());
    }

    [Fact]
    public async Task HoldsThroughTheDailyHalt()
    {
        var halt = new DateTimeOffset(2026, 11, 24, 22, 10, 0, TimeSpan.Zero); // Tuesday 16:10 CST
        using var log = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(log));
        await using var h = await StartAsync(new FakeTimeProvider(halt), _ => "expired-token", loggers: loggers);

        var end = await h.NextEndAsync();

        Assert.Equal("market closed; reconnecting at 2026-11-24T22:55:00Z", end.DelayReason);
        Assert.Equal(TimeSpan.FromMinutes(45), end.NextDelay);
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.Message ==
            "Tradovate stream session 1 ended: AuthorizationFailed Invalid access token; market closed; reconnecting at 2026-11-24T22:55:00Z");
    }

    [Fact]
    public async Task FollowsTheBackoffWhileTheMarketIsOpen()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero)); // Wednesday 09:00 CST
        await using var h = await StartAsync(clock, _ => "expired-token");

        var end = await h.NextEndAsync();
        await clock.AdvanceUntilAsync(() => _attempts.Count == 2, TimeSpan.FromMilliseconds(20));

        Assert.Equal((TradovateStreamHarness.FastBackoff.BaseDelay, (string?)null), (end.NextDelay, end.DelayReason));
        Assert.InRange(_attempts.Last() - _attempts.First(), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task FollowsTheBackoffInsideTheLeadWindow()
    {
        var clock = new FakeTimeProvider(SundayLead + TimeSpan.FromMinutes(2)); // closed, 3 minutes before the open
        await using var h = await StartAsync(clock, _ => "expired-token");

        var end = await h.NextEndAsync();

        Assert.Equal((TradovateStreamHarness.FastBackoff.BaseDelay, (string?)null), (end.NextDelay, end.DelayReason));
    }

    [Fact]
    public async Task FollowsTheBackoffWhenTheHoldIsOff()
    {
        await using var h = await StartAsync(new FakeTimeProvider(Saturday), _ => "expired-token", hold: false);

        var end = await h.NextEndAsync();

        Assert.Equal((TradovateStreamHarness.FastBackoff.BaseDelay, (string?)null), (end.NextDelay, end.DelayReason));
    }

    [Fact]
    public async Task HoldsAtTheFridayCloseAndStartsTheBackoffOverAfterwards()
    {
        var close = new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero); // Friday 16:00 CST
        var clock = new FakeTimeProvider(close - TimeSpan.FromSeconds(10));
        await using var h = await StartAsync(clock, _ => "expired-token");

        var first = await h.NextEndAsync();
        await clock.AdvanceUntilAsync(() => _attempts.Count == 2, TimeSpan.FromMilliseconds(50));
        var second = await h.NextEndAsync();
        clock.Advance(close - clock.GetUtcNow()); // one jump, so the third attempt starts after the close
        await clock.AdvanceUntilAsync(() => _attempts.Count == 3, TimeSpan.FromMilliseconds(50));
        var closed = await h.NextEndAsync();
        await clock.AdvanceToAsync(SundayLead, TimeSpan.FromHours(1));
        await TradovateSocketHarness.EventuallyAsync(() => _attempts.Count == 4, TimeSpan.FromSeconds(3));
        var reopening = await h.NextEndAsync();

        Assert.Equal([100, 200], new[] { first, second }.Select(e => (int)e.NextDelay.TotalMilliseconds));
        Assert.Equal(SundayLead, _attempts.Last());
        Assert.Equal("market closed; reconnecting at 2026-11-29T22:55:00Z", closed.DelayReason);
        Assert.Equal((TradovateStreamHarness.FastBackoff.BaseDelay, (string?)null), (reopening.NextDelay, reopening.DelayReason));
    }

    [Fact]
    public async Task StopsPromptlyWhenCancelledDuringAHold()
    {
        await using var h = await StartAsync(new FakeTimeProvider(Saturday), _ => "expired-token");
        await h.NextEndAsync();

        await h.CancelAsync();

        await h.Run.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Single(h.Server.Connections);
    }

    public static TheoryData<TradovateStreamOptions> BadOptions => new()
    {
        new TradovateStreamOptions { ReconnectLeadBeforeOpen = TimeSpan.FromMinutes(-1) },
        new TradovateStreamOptions { MarketClosedRecheckInterval = TimeSpan.Zero },
        new TradovateStreamOptions { MarketHours = new FuturesSessionSchedule { DailyHaltEnd = null } },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void RefusesUnworkableHoldOptions(TradovateStreamOptions options) =>
        Assert.ThrowsAny<ArgumentException>(() => new TradovateStreamSupervisor(
            new Uri("ws://127.0.0.1:1/v1/websocket"), TradovateSyncRequest.ForUser(1), _ => Task.FromResult("t"), options,
            new ConnectGate(new ConnectGateOptions(), TimeProvider.System), () => 0, TimeProvider.System, NullLoggerFactory.Instance));

    [Fact]
    public void HoldsByDefaultWithAFiveMinuteLeadAndHourlyRechecks()
    {
        var options = new TradovateStreamOptions();

        Assert.True(options.SuppressReconnectWhileMarketClosed);
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)), (options.ReconnectLeadBeforeOpen, options.MarketClosedRecheckInterval));
        Assert.Equal(FuturesSessionSchedule.CmeEquityIndex, options.MarketHours);
    }

    /// <summary>A supervisor with the hold on (unless told otherwise); the token for attempt n is <paramref name="token"/>(n).</summary>
    private Task<TradovateStreamHarness> StartAsync(FakeTimeProvider clock, Func<int, string> token, bool hold = true, ILoggerFactory? loggers = null) =>
        TradovateStreamHarness.StartAsync(
            _ =>
            {
                _attempts.Enqueue(clock.GetUtcNow());
                return Task.FromResult(token(_attempts.Count));
            },
            clock: clock,
            configure: o => o with { SuppressReconnectWhileMarketClosed = hold },
            loggers: loggers);
}
