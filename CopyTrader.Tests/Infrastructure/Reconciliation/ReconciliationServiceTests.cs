using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Reconciliation;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Reconciliation;

public class ReconciliationServiceTests
{
    private const string Mnq = "MNQZ6";

    [Fact]
    public async Task ShowsDriftWithItsSizeAndSyncRepairsItWithTheSmallestOrder()
    {
        await using var app = await PipelineHost.StartAsync();
        var reconciliation = app.Services.GetRequiredService<IReconciliationService>();
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 2));
        await app.WaitForCopiesAsync(3);
        app.Exchange.Place(new OrderRequest("DEMO-F2", Mnq, Side.Sell, 3)); // someone trades the follower by hand

        var report = await reconciliation.ReconcileAsync();

        var drift = Assert.Single(report.Drifts);
        Assert.Equal(("MNQZ6", 4, 1, -3), (drift.Symbol, drift.Expected, drift.Actual, drift.Size));
        var repair = Assert.Single(await reconciliation.SyncFollowerAsync(drift.FollowerId));
        Assert.Equal(CopyOutcome.Accepted, repair.Outcome);
        Assert.Equal(4, app.PositionOf("DEMO-F2", Mnq));
        Assert.Empty(reconciliation.Latest.Drifts);
        Assert.Empty((await reconciliation.ReconcileAsync()).Drifts);
        var logged = await Eventually.GetAsync(() => app.WithDbAsync(db => db.CopyLog.Where(e => e.LeaderEventId == "reconciliation").ToListAsync()), l => l.Count == 1, "the sync in the copy log");
        Assert.Equal(("Sync: held 1, expected 4.", Side.Buy, 3), (logged[0].Reason, logged[0].Side!.Value, logged[0].FollowerQuantity));
    }

    [Fact]
    public async Task ChecksAfterConnectingAndRestartSendsNothingWithoutAutoSync()
    {
        using var data = new TempDirectory();
        var exchange = Simulators.Exchange();
        exchange.Place(new OrderRequest("DEMO-F1", Mnq, Side.Buy, 1)); // drift while the copier was down

        await using var app = await PipelineHost.StartAsync(data: data, exchange: exchange);
        var drift = await Eventually.Get(() => app.Services.GetRequiredService<IReconciliationService>().Latest.Drifts.SingleOrDefault(), d => d is not null, "drift found after connecting");

        Assert.Equal((0, 1), (drift!.Expected, drift.Actual));
        Assert.Equal(1, app.PositionOf("DEMO-F1", Mnq));
        Assert.Empty(app.Copies);
    }

    [Fact]
    public async Task AutoSyncGroupIsRepairedOnReconcile()
    {
        await using var app = await PipelineHost.StartAsync();
        await app.Services.GetRequiredService<ICopyConfigurationService>().SetGroupOptionsAsync(app.Config.Current.Groups.Single().Id, new GroupOptions(AutoCopyEnabled: true, AutoSync: true));
        app.Exchange.Place(new OrderRequest("DEMO-F3", Mnq, Side.Sell, 2));

        var report = await app.Services.GetRequiredService<IReconciliationService>().ReconcileAsync();

        Assert.Empty(report.Drifts);
        Assert.Equal(CopyOutcome.Accepted, Assert.Single(report.Repairs).Outcome);
        Assert.Equal(0, app.PositionOf("DEMO-F3", Mnq));
    }

    [Fact]
    public async Task AFollowerThatCannotBeReadIsAFailureNotZeroDrift()
    {
        await using var app = await PipelineHost.StartAsync();
        await TestData.AddFollowerOnTradovateAsync(app);
        await app.Config.ReloadAsync();

        var report = await app.Services.GetRequiredService<IReconciliationService>().ReconcileAsync();

        var failure = Assert.Single(report.Failures);
        Assert.Equal("The broker connection of 'Tradovate follower' is not connected.", failure.Reason);
        Assert.Empty(report.Drifts);
    }
}
