using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Infrastructure.Reconciliation;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CopyTrader.Tests.Infrastructure.Audit.AuditRows;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>Flatten, the manual ticket and a user's sync are recorded after the broker answered, with each outcome in its words.</summary>
public sealed class BrokerActionAuditTests
{
    private const string Mnq = "MNQZ6";

    [Fact]
    public async Task AGroupFlattenRecordsEachAccountsOutcome()
    {
        await using var app = await PipelineHost.StartAsync();
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 2));
        await app.WaitForCopiesAsync(3);
        var group = app.Config.Current.Groups.Single();
        using var alice = ActAs(app, Alice);

        await app.Services.GetRequiredService<IFlattenService>().FlattenGroupAsync(group.Id);

        var entry = await SingleAsync(app);
        AssertBy(Alice, entry);
        Assert.Equal((AuditActions.FlattenGroup, "Group 'Demo'", (int?)group.Id), (entry.Action, entry.Subject, entry.CopyGroupId));
        Assert.Equal(
            "4 accounts flattened.\n'Demo leader': done (Liquidate MNQZ6 (+2))\n'Demo follower ×1': done (Liquidate MNQZ6 (+2))\n" +
            "'Demo follower ×2': done (Liquidate MNQZ6 (+4))\n'Demo follower ×0.5': done (Liquidate MNQZ6 (+1))",
            entry.Details);
    }

    [Fact]
    public async Task AFailingFlattenRecordsTheBrokersReason()
    {
        await using var app = await PipelineHost.StartAsync();
        await TestData.AddFollowerOnTradovateAsync(app);
        await app.Config.ReloadAsync();
        var flatten = app.Services.GetRequiredService<IFlattenService>();

        var account = await flatten.FlattenAccountAsync(app.AccountId("TV-1"));
        var all = await flatten.FlattenAllAsync();

        Assert.False(account.Succeeded);
        Assert.Equal(5, all.Count);
        var entries = await AllAsync(app);
        Assert.Equal([AuditActions.FlattenAccount, AuditActions.FlattenAll], entries.Select(e => e.Action));
        Assert.Equal(("Account 'Tradovate follower'", (int?)app.AccountId("TV-1")), (entries[0].Subject, entries[0].AccountId));
        Assert.Equal("0 of 1 account flattened; 1 failed.\n'Tradovate follower': FAILED (Connect: The broker connection of 'Tradovate follower' is not connected.)", entries[0].Details);
        Assert.Equal("Every group: 'Demo'", entries[1].Subject);
        Assert.StartsWith("4 of 5 accounts flattened; 1 failed.", entries[1].Details);
        Assert.Contains("'Tradovate follower': FAILED (Connect: The broker connection of 'Tradovate follower' is not connected.)", entries[1].Details);
    }

    [Fact]
    public async Task TicketsRecordTheLeaderOrderAndTheBrokersAnswer()
    {
        await using var app = await PipelineHost.StartAsync();
        var tickets = app.Services.GetRequiredService<IManualTicketService>();
        var leader = app.AccountId(PipelineHost.Leader);

        var close = await tickets.CloseAsync(leader, Mnq);
        var buy = await tickets.BuyAsync(leader, Mnq, 2);
        var refused = await tickets.SellAsync(leader, Mnq, 0);

        Assert.False(close.Accepted);
        Assert.True(buy.Accepted, buy.Reason);
        Assert.False(refused.Accepted);
        var entries = await AllAsync(app);
        Assert.Equal(
            [
                (AuditActions.TicketClose, "CLOSE MNQZ6: rejected: No open position in MNQZ6 on account DEMO-LEADER."),
                (AuditActions.TicketBuy, $"BUY 2 MNQZ6: accepted, broker order {buy.BrokerOrderId}"),
            ],
            entries.Select(e => (e.Action, e.Details)));
        Assert.All(entries, e => Assert.Equal(("Leader 'Demo leader'", (int?)leader), (e.Subject, e.AccountId)));
    }

    [Fact]
    public async Task AUsersSyncIsRecordedAndTheScheduledReconciliationIsNot()
    {
        await using var app = await PipelineHost.StartAsync();
        var reconciliation = app.Services.GetRequiredService<IReconciliationService>();
        app.Exchange.Place(new OrderRequest(PipelineHost.Leader, Mnq, Side.Buy, 2));
        await app.WaitForCopiesAsync(3);
        app.Exchange.Place(new OrderRequest("DEMO-F2", Mnq, Side.Sell, 3));
        var drift = Assert.Single((await reconciliation.ReconcileAsync()).Drifts);

        var repair = Assert.Single(await reconciliation.SyncFollowerAsync(drift.FollowerId));
        await reconciliation.SyncFollowerAsync(drift.FollowerId);

        var entries = await AllAsync(app);
        Assert.Equal([AuditActions.SyncFollower, AuditActions.SyncFollower], entries.Select(e => e.Action));
        Assert.Equal("Follower 'Demo follower ×2' in group 'Demo'", entries[0].Subject);
        Assert.Equal($"MNQZ6 held 1, expected 4: Accepted, broker order {repair.BrokerOrderId}", entries[0].Details);
        Assert.Equal("In sync; nothing sent.", entries[1].Details);
    }

    [Fact]
    public async Task ASyncThatCannotReadTheFollowerIsRecordedAsNotSynced()
    {
        await using var app = await PipelineHost.StartAsync();
        await TestData.AddFollowerOnTradovateAsync(app);
        await app.Config.ReloadAsync();
        var follower = app.Config.Current.Groups.Single().Followers.Single(f => f.AccountId == app.AccountId("TV-1"));

        await Assert.ThrowsAsync<CopyTrader.Domain.CopyTraderDomainException>(() => app.Services.GetRequiredService<IReconciliationService>().SyncFollowerAsync(follower.Id));

        var entry = await SingleAsync(app);
        Assert.Equal((AuditActions.SyncFollower, "Not synced: The broker connection of 'Tradovate follower' is not connected."), (entry.Action, entry.Details));
    }
}
