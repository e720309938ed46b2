using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Copying;

/// <summary>Leader fill → hub → engine → follower orders, on the real Simulator, hub, engine and SQLite.</summary>
public class CopyPipelineTests
{
    private const string Mnq = "MNQZ6";

    [Fact]
    public async Task CopiesLeaderFillToThreeFollowersWithScaledQuantities()
    {
        await using var app = await PipelineHost.StartAsync();

        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 2));
        var copies = await app.WaitForCopiesAsync(3);

        Assert.All(copies, c => Assert.Equal(CopyOutcome.Accepted, c.Outcome));
        Assert.All(copies, c => Assert.True(CopyTag.IsCopyTag(c.ClientOrderId)));
        Assert.All(copies, c => Assert.NotNull(c.BrokerOrderId));
        Assert.All(copies, c => Assert.InRange(c.LatencyMs, 0, 5_000));
        Assert.Equal((2, 4, 1), (app.PositionOf("DEMO-F1", Mnq), app.PositionOf("DEMO-F2", Mnq), app.PositionOf("DEMO-F3", Mnq)));
    }

    [Fact]
    public async Task MirrorsAddTrimReversalAndCloseFromLeaderNetPosition()
    {
        await using var app = await PipelineHost.StartAsync();
        (Side Side, int Qty, int F1, int F2, int F3)[] steps =
        [
            (Side.Buy, 1, 1, 2, 1),      // entry
            (Side.Buy, 2, 3, 6, 2),      // add: leader 3, ×0.5 = 1.5 → 2
            (Side.Sell, 1, 2, 4, 1),     // trim: leader 2
            (Side.Sell, 3, -1, -2, -1),  // reversal through zero: leader -1
            (Side.Buy, 1, 0, 0, 0),      // close
        ];

        var copiesSoFar = 0;
        foreach (var step in steps)
        {
            app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, step.Side, step.Qty));
            copiesSoFar += 3;
            await app.WaitForCopiesAsync(copiesSoFar);
            Assert.Equal((step.F1, step.F2, step.F3), (app.PositionOf("DEMO-F1", Mnq), app.PositionOf("DEMO-F2", Mnq), app.PositionOf("DEMO-F3", Mnq)));
        }

        // Every reversal was one order through zero, never a close and a re-entry.
        var reversal = app.Copies.Skip(9).Take(3).ToList();
        Assert.Equal([3, 6, 2], reversal.Select(c => c.FollowerQuantity));
    }

    [Fact]
    public async Task DoesNotCopyFillsThatCarryOurCopyTag()
    {
        await using var app = await PipelineHost.StartAsync();

        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1, ClientOrderId: CopyTag.For(99, "elsewhere", 1)));
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1));
        var copies = await app.WaitForCopiesAsync(3);

        // Fills are handled in order, so the tagged one was seen first and produced nothing.
        Assert.Equal(3, copies.Count);
        Assert.Single(copies.Select(c => c.LeaderEventId).Distinct());
        Assert.Equal(2, app.PositionOf("DEMO-F1", Mnq)); // leader net 2 → ×1 = 2, the tagged fill still counts in the leader's position
    }

    [Fact]
    public async Task DisabledFollowerIsSkippedWithReasonOnNextCopy()
    {
        await using var app = await PipelineHost.StartAsync();
        var f2 = app.Config.Current.Groups.Single().Followers.Single(f => f.AccountId == app.AccountId("DEMO-F2"));

        await app.Services.GetRequiredService<ICopyConfigurationService>().SetFollowerEnabledAsync(f2.Id, false);
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Sell, 1));
        var copies = await app.WaitForCopiesAsync(3);

        var skipped = Assert.Single(copies, c => c.FollowerId == f2.Id);
        Assert.Equal(CopyOutcome.Skipped, skipped.Outcome);
        Assert.Equal("Follower is disabled.", skipped.Reason);
        Assert.Equal(0, app.PositionOf("DEMO-F2", Mnq));
        Assert.Equal(-1, app.PositionOf("DEMO-F1", Mnq));
    }

    [Fact]
    public async Task WritesEveryOutcomeToTheCopyLogTable()
    {
        await using var app = await PipelineHost.StartAsync();

        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1));
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1)); // ×0.5 stays at 1: skipped
        await app.WaitForCopiesAsync(6);

        var rows = await Eventually.GetAsync(
            () => app.WithDbAsync(db => db.CopyLog.AsNoTracking().ToListAsync()), r => r.Count == 6, "six copy log rows in SQLite");
        Assert.Equal(5, rows.Count(r => r.Outcome == CopyOutcome.Accepted));
        var sent = app.Copies.OrderBy(c => c.FollowerId).ThenBy(c => c.LatencyMs).First();
        var stored = rows.Single(r => r.ClientOrderId == sent.ClientOrderId);
        Assert.Equal((sent.CreatedUtc, sent.LatencyMs, sent.LeaderSymbol, sent.BrokerOrderId, sent.Side), (stored.CreatedUtc, stored.LatencyMs, stored.LeaderSymbol, stored.BrokerOrderId, stored.Side));
        var skipped = Assert.Single(rows, r => r.Outcome == CopyOutcome.Skipped);
        Assert.Equal("Already at target position 1.", skipped.Reason);
        Assert.Null(skipped.Side);
    }

    [Fact]
    public async Task FollowerOnAConnectionThatCannotConnectFailsWithTheReason()
    {
        await using var app = await PipelineHost.StartAsync();
        await TestData.AddFollowerOnTradovateAsync(app);
        await app.Config.ReloadAsync();
        await Eventually.True(() => app.Hub.Accounts.Any(a => a.ConnectionState == BrokerConnectionState.Failed), "the Tradovate connection to fail");

        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1));
        var copies = await app.WaitForCopiesAsync(4);

        var failed = Assert.Single(copies, c => c.Outcome == CopyOutcome.Failed);
        Assert.Equal("The broker connection of 'Tradovate follower' is not connected.", failed.Reason);
        Assert.Contains($"uses Tradovate environment '{TestData.UnconfiguredEnvironment}', which is not configured", app.Hub.Accounts.Single(a => a.DisplayName == "Tradovate follower").ConnectionReason);
    }

    [Fact]
    public async Task CopiesNqAsMnqThroughTheContractMap()
    {
        await using var app = await PipelineHost.StartAsync();
        await TestData.AddGlobalContractMapAsync(app, new ContractMapping("NQ", "MNQ", 10m));

        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, "NQZ6", Side.Buy, 1));
        var copies = await app.WaitForCopiesAsync(3);

        Assert.All(copies, c => Assert.Equal(("NQZ6", "MNQZ6"), (c.LeaderSymbol, c.Symbol)));
        Assert.Equal((10, 20, 5), (app.PositionOf("DEMO-F1", Mnq), app.PositionOf("DEMO-F2", Mnq), app.PositionOf("DEMO-F3", Mnq)));
    }

    [Fact]
    public async Task DryRunLogsWhatWouldBeSentSendsNothingAndResumesFromRealPositions()
    {
        await using var app = await PipelineHost.StartAsync();
        await TestData.SetDryRunAsync(app, true);

        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 2));
        var dryRun = await app.WaitForCopiesAsync(3);

        Assert.All(dryRun, c => Assert.Equal(CopyOutcome.DryRun, c.Outcome));
        Assert.Contains("Dry run: would Buy 4 MNQZ6 (Entry, 0 → 4).", dryRun.Select(c => c.Reason));
        Assert.Equal((0, 0, 0), (app.PositionOf("DEMO-F1", Mnq), app.PositionOf("DEMO-F2", Mnq), app.PositionOf("DEMO-F3", Mnq)));

        await TestData.SetDryRunAsync(app, false);
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 1));
        await app.WaitForCopiesAsync(6);

        // Sized from what the brokers really hold (flat), not from the dry run's pretend positions.
        Assert.Equal((3, 6, 2), (app.PositionOf("DEMO-F1", Mnq), app.PositionOf("DEMO-F2", Mnq), app.PositionOf("DEMO-F3", Mnq)));
    }

    [Fact]
    public async Task SessionReplayIsNotCopiedAgain()
    {
        await using var app = await PipelineHost.StartAsync();
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 2));
        await app.WaitForCopiesAsync(3);

        app.Exchange.ReplaySession();
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Sell, 1)); // a marker after the replay
        var copies = await app.WaitForCopiesAsync(6);

        Assert.Equal(6, copies.Count);
        Assert.Equal((1, 2, 1), (app.PositionOf("DEMO-F1", Mnq), app.PositionOf("DEMO-F2", Mnq), app.PositionOf("DEMO-F3", Mnq)));
    }

    [Fact]
    public async Task RestartWithOpenPositionsResumesWithoutOrdersAndNeverRecopies()
    {
        using var data = new TempDirectory();
        var exchange = Simulators.Exchange();
        await using (var first = await PipelineHost.StartAsync(data: data, exchange: exchange))
        {
            exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 2));
            await first.WaitForCopiesAsync(3);
        }

        await using var second = await PipelineHost.StartAsync(data: data, exchange: exchange);
        exchange.ReplaySession(); // the broker sends the whole session again after the restart
        exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Sell, 3));
        var copies = await second.WaitForCopiesAsync(3);

        // Only the new fill was copied: the restart itself sent nothing and the replay was recognised from the
        // stored ledger; the reversal was sized from the leader's position as the broker reported it (2 → -1).
        Assert.Equal(3, copies.Count);
        Assert.All(copies, c => Assert.Equal(CopyOutcome.Accepted, c.Outcome));
        Assert.Equal((-1, -2, -1), (exchange.Positions("DEMO-F1").Single().Quantity, exchange.Positions("DEMO-F2").Single().Quantity, exchange.Positions("DEMO-F3").Single().Quantity));
        await Eventually.GetAsync(() => second.WithDbAsync(db => db.CopyLog.CountAsync()), n => n == 6, "both runs' six copy log rows");
    }
}
