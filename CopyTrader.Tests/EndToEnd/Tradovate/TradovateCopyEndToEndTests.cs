using System.Globalization;
using System.Text.Json;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Tests.Fakes.Tradovate;
using CopyTrader.Tests.Fakes.Tradovate.Exchange;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Tests.EndToEnd.Tradovate;

/// <summary>
/// The whole app copying between Tradovate accounts on the fake exchange: the leader trades by hand in Tradovate's UI,
/// the fill arrives on the user socket, and the followers' orders arrive at the exchange's REST API.
/// </summary>
public sealed class TradovateCopyEndToEndTests
{
    private const string Symbol = TradovateCopyDesk.Symbol;

    [Fact]
    public async Task LeaderFillOnTheSocketBecomesOneTaggedAutomatedOrderPerFollowerAtTheExchange()
    {
        await using var desk = await TradovateCopyDesk.OpenAsync();

        desk.TradeOnLeader("Buy", 1);
        var copies = await desk.App.WaitForCopiesAsync(2);

        var leaderFill = Assert.Single(desk.Exchange.FillsOf(desk.Leader.Id));
        var eventId = leaderFill.Id.ToString(CultureInfo.InvariantCulture);
        var orders = desk.OrderRequests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(2, orders.Count);
        foreach (var (account, quantity) in new[] { (desk.Follower1, 1), (desk.Follower2, 2) })
        {
            var follower = desk.FollowerOn(account);
            var order = Assert.Single(orders, o => o.GetProperty("accountId").GetInt64() == account.Id);
            Assert.Equal(account.Name, order.GetProperty("accountSpec").GetString());
            Assert.Equal(Symbol, order.GetProperty("symbol").GetString());
            Assert.Equal("Buy", order.GetProperty("action").GetString());
            Assert.Equal(quantity, order.GetProperty("orderQty").GetInt32());
            Assert.Equal("Market", order.GetProperty("orderType").GetString());
            Assert.True(order.GetProperty("isAutomated").GetBoolean());
            var tag = order.GetProperty("clOrdId").GetString();
            Assert.Equal(CopyTag.For(desk.LeaderAccountId, eventId, follower.Id), tag);

            var copy = Assert.Single(copies, c => c.FollowerId == follower.Id);
            var placed = Assert.Single(desk.Exchange.OrdersOf(account.Id));
            Assert.Equal((CopyOutcome.Accepted, tag, placed.Id.ToString(CultureInfo.InvariantCulture), eventId, Side.Buy, quantity),
                (copy.Outcome, copy.ClientOrderId, copy.BrokerOrderId, copy.LeaderEventId, copy.Side, copy.FollowerQuantity));
        }

        Assert.Empty(desk.Server.ApiViolations);
        Assert.Equal((1, 1, 2), (desk.NetPos(desk.Leader), desk.NetPos(desk.Follower1), desk.NetPos(desk.Follower2)));
        await Eventually.True(
            () => (desk.ShownPosition(desk.Follower1), desk.ShownPosition(desk.Follower2)) == (1, 2),
            "the followers' new positions to come back on the socket");
    }

    [Fact]
    public async Task SessionReplayDuplicateEventsAndFillsOfOurOwnCopiesAreNeverCopied()
    {
        await using var desk = await TradovateCopyDesk.OpenAsync();
        desk.Server.Faults.DuplicateEvents = true; // every props event, the followers' fills included, arrives twice

        desk.TradeOnLeader("Buy", 2);
        await desk.App.WaitForCopiesAsync(2);
        await Eventually.True(
            () => (desk.ShownPosition(desk.Follower1), desk.ShownPosition(desk.Follower2)) == (2, 4),
            "the followers' own fills to arrive on the socket");

        // The 4 PM replay re-sends every fill of the day (leader's and followers'); then an order carrying one of our
        // CopyTags fills on the leader account (what a copy of ours looks like wherever it lands).
        desk.Exchange.ReplayFillsOfTheDay();
        desk.Exchange.Place(new FakeOrderTicket(desk.Leader.Id, Symbol, "Buy", 1) { ClOrdId = CopyTag.For(desk.LeaderAccountId, "elsewhere", 1) });
        desk.TradeOnLeader("Sell", 2); // the marker: one socket, handled in order, so everything above was handled first
        var copies = await desk.App.WaitForCopiesAsync(4);

        Assert.Equal(4, copies.Count);
        Assert.Equal(4, desk.OrderRequests.Count);
        Assert.Equal(2, copies.Select(c => c.LeaderEventId).Distinct().Count());
        Assert.Equal((2, 2), (desk.Exchange.OrdersOf(desk.Follower1.Id).Count, desk.Exchange.OrdersOf(desk.Follower2.Id).Count));

        // The tagged fill was not copied but counts in the leader's position (2 + 1 - 2 = 1), so the marker's copies
        // trim the followers to ×1 and ×2 of 1, not of -1 or 0.
        Assert.All(copies, c => Assert.Equal(CopyOutcome.Accepted, c.Outcome));
        Assert.Equal([(Side.Sell, 1), (Side.Sell, 2)], copies.Skip(2).OrderBy(c => c.FollowerQuantity).Select(c => (c.Side, c.FollowerQuantity)));
        Assert.Equal((1, 1, 2), (desk.NetPos(desk.Leader), desk.NetPos(desk.Follower1), desk.NetPos(desk.Follower2)));
    }

    [Fact]
    public async Task DroppedSocketReconnectsAndReconciliationShowsDriftFromWhatHappenedWhileDisconnected()
    {
        await using var desk = await TradovateCopyDesk.OpenAsync();
        desk.TradeOnLeader("Buy", 1);
        await desk.App.WaitForCopiesAsync(2);
        var reportsBefore = desk.App.Reports.Count;

        desk.Server.DropAllConnections();
        await desk.App.WaitForAccountsAsync(3, BrokerConnectionState.Reconnecting);
        // While disconnected (the first reconnect waits at least a second): follower 1 is flattened by hand, and the
        // leader adds one.
        desk.Exchange.TradeInPlatform(desk.Follower1.Id, Symbol, "Sell", 1);
        desk.TradeOnLeader("Buy", 1);
        await desk.App.WaitForAccountsAsync(3, BrokerConnectionState.Connected);
        var report = await desk.App.WaitForReportAfterAsync(reportsBefore);

        // The leader's fill arrived in the new snapshot, as history: not copied as a live fill, no order was sent...
        Assert.Equal(2, desk.App.Copies.Count);
        Assert.Equal(2, desk.OrderRequests.Count);
        Assert.Equal(2, desk.App.Hub.LeaderPositions(desk.LeaderAccountId)[Symbol]);
        // ...and not silently lost: both followers show drift against the leader's new position.
        Assert.Empty(report.Failures);
        Assert.Empty(report.Repairs);
        Assert.Equal(
            [(desk.FollowerOn(desk.Follower1).Id, 2, 0), (desk.FollowerOn(desk.Follower2).Id, 4, 2)],
            report.Drifts.OrderBy(d => d.FollowerId).Select(d => (d.FollowerId, d.Expected, d.Actual)));
        Assert.All(report.Drifts, d => Assert.Equal(Symbol, d.Symbol));
        Assert.Equal((0, 2), (desk.NetPos(desk.Follower1), desk.NetPos(desk.Follower2)));

        // The leader's next live fill is sized from its net position (now 3), so follower 2 catches up on the missed
        // fill; follower 1's hand-made change is not the leader's to undo and stays as drift until synced.
        desk.TradeOnLeader("Buy", 1);
        await desk.App.WaitForCopiesAsync(4);
        Assert.Equal((2, 6), (desk.NetPos(desk.Follower1), desk.NetPos(desk.Follower2)));
        var after = await desk.App.Reconciliation.ReconcileAsync();
        var drift = Assert.Single(after.Drifts);
        Assert.Equal((desk.FollowerOn(desk.Follower1).Id, 3, 2), (drift.FollowerId, drift.Expected, drift.Actual));
    }

    [Fact]
    public async Task SessionEndShutdownAndTheDaysFillsInTheNextSnapshotAreNotCopied()
    {
        await using var desk = await TradovateCopyDesk.OpenAsync();
        desk.TradeOnLeader("Buy", 1);
        await desk.App.WaitForCopiesAsync(2);
        var reportsBefore = desk.App.Reports.Count;

        await desk.Server.EndSessionAsync();
        await desk.App.WaitForAccountsAsync(3, BrokerConnectionState.Reconnecting);
        await desk.App.WaitForAccountsAsync(3, BrokerConnectionState.Connected);
        var report = await desk.App.WaitForReportAfterAsync(reportsBefore);

        Assert.Empty(report.Drifts);
        Assert.Empty(report.Repairs);
        desk.TradeOnLeader("Sell", 1); // the marker, on the new session
        var copies = await desk.App.WaitForCopiesAsync(4);
        Assert.Equal(4, copies.Count);
        Assert.Equal(4, desk.OrderRequests.Count);
        Assert.Equal((0, 0, 0), (desk.NetPos(desk.Leader), desk.NetPos(desk.Follower1), desk.NetPos(desk.Follower2)));
    }

    [Fact]
    public async Task DroppedSocketWithAutoSyncRepairsFollowersToTheLeadersPositionAfterReconnect()
    {
        await using var desk = await TradovateCopyDesk.OpenAsync(autoSync: true);
        desk.TradeOnLeader("Buy", 1);
        await desk.App.WaitForCopiesAsync(2);
        var reportsBefore = desk.App.Reports.Count;

        desk.Server.DropAllConnections();
        await desk.App.WaitForAccountsAsync(3, BrokerConnectionState.Reconnecting);
        desk.Exchange.TradeInPlatform(desk.Follower1.Id, Symbol, "Sell", 1);
        desk.TradeOnLeader("Buy", 1);
        await desk.App.WaitForAccountsAsync(3, BrokerConnectionState.Connected);
        var report = await desk.App.WaitForReportAfterAsync(reportsBefore);

        Assert.Empty(report.Drifts);
        Assert.Equal(
            [(desk.FollowerOn(desk.Follower1).Id, CopyOutcome.Accepted), (desk.FollowerOn(desk.Follower2).Id, CopyOutcome.Accepted)],
            report.Repairs.OrderBy(r => r.Drift.FollowerId).Select(r => (r.Drift.FollowerId, r.Outcome)));
        var syncOrders = desk.OrderRequests.Skip(2).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(2, syncOrders.Count);
        Assert.All(syncOrders, o => Assert.StartsWith($"{CopyTag.Prefix}SYNC-", o.GetProperty("clOrdId").GetString(), StringComparison.Ordinal));
        Assert.All(syncOrders, o => Assert.Equal(("Buy", 2), (o.GetProperty("action").GetString(), o.GetProperty("orderQty").GetInt32())));
        Assert.Equal(2, desk.App.Copies.Count); // the leader's fill itself was never copied as a live fill
        Assert.Equal((2, 2, 4), (desk.NetPos(desk.Leader), desk.NetPos(desk.Follower1), desk.NetPos(desk.Follower2)));
    }

    [Fact]
    public async Task PenaltyTicketDuringFanOutDelaysOneFollowerButBothEndAtTheRightPosition()
    {
        await using var desk = await TradovateCopyDesk.OpenAsync();
        desk.Server.Faults.PenalizeNext("order/placeorder", 1, seconds: 1);

        desk.TradeOnLeader("Sell", 1);
        var copies = await desk.App.WaitForCopiesAsync(2);

        Assert.All(copies, c => Assert.Equal(CopyOutcome.Accepted, c.Outcome));
        var resend = Assert.Single(desk.Server.Faults.PenaltyResends);
        Assert.True(resend.BodyMatched && !resend.Early, $"resend {resend}");
        // Three calls: the penalised one, the other follower's (not held back by it), and the resend with the ticket.
        var calls = desk.OrderRequests;
        Assert.Equal(3, calls.Count);
        Assert.Contains("p-ticket", calls[2].Body, StringComparison.Ordinal);
        // Both followers were tried at once (either may reach the exchange first); the resend is for one of them.
        static long AccountOf(string body) => JsonDocument.Parse(body).RootElement.GetProperty("accountId").GetInt64();
        var firstTries = calls.Take(2).Select(c => AccountOf(c.Body)).ToList();
        Assert.Equal(2, firstTries.Distinct().Count());
        Assert.Contains(AccountOf(calls[2].Body), firstTries);
        Assert.Equal((1, 1), (desk.Exchange.OrdersOf(desk.Follower1.Id).Count, desk.Exchange.OrdersOf(desk.Follower2.Id).Count));
        Assert.Equal((-1, -1, -2), (desk.NetPos(desk.Leader), desk.NetPos(desk.Follower1), desk.NetPos(desk.Follower2)));
        var rows = await Eventually.GetAsync(
            () => desk.App.WithDbAsync(db => db.CopyLog.AsNoTracking().ToListAsync()), r => r.Count == 2, "both copies in the copy log table");
        Assert.All(rows, r => Assert.Equal(CopyOutcome.Accepted, r.Outcome));
    }

    [Fact]
    public async Task RestartOnTheSameDatabaseAndExchangeSendsNoOrdersForOldFills()
    {
        await using var desk = await TradovateCopyDesk.OpenAsync();
        desk.TradeOnLeader("Buy", 2);
        await desk.App.WaitForCopiesAsync(2);
        await Eventually.GetAsync(() => desk.App.WithDbAsync(db => db.ProcessedLeaderFills.CountAsync()), n => n == 1, "the leader fill in the ledger");

        await desk.RestartAsync();
        desk.Exchange.ReplayFillsOfTheDay(); // and the session's fills come again on the new socket
        desk.TradeOnLeader("Sell", 3); // the marker: leader 2 → -1
        var copies = await desk.App.WaitForCopiesAsync(2);

        // Only the marker was copied, sized from the position the new snapshot reported (reversal through zero).
        Assert.Equal(2, copies.Count);
        Assert.Single(copies.Select(c => c.LeaderEventId).Distinct());
        Assert.Equal(4, desk.OrderRequests.Count);
        Assert.Empty(desk.App.Reports[0].Drifts);
        Assert.Empty(desk.App.Reports[0].Repairs);
        Assert.Equal((-1, -1, -2), (desk.NetPos(desk.Leader), desk.NetPos(desk.Follower1), desk.NetPos(desk.Follower2)));
        await Eventually.GetAsync(() => desk.App.WithDbAsync(db => db.CopyLog.CountAsync()), n => n == 4, "both runs' four copy log rows");
    }
}
