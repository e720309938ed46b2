using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Operations;

namespace CopyTrader.Tests.Infrastructure.Operations;

public class TicketCopyTrackerTests
{
    private const int Leader = 10;
    private static readonly TicketOrder Buy2 = new(Leader, "MNQZ6", TicketAction.Buy, 2);

    [Fact]
    public void CollectsTheTicketsFillsAndTheirCopiesInArrivalOrder()
    {
        var tracker = new TicketCopyTracker();
        tracker.Add(Buy2, Accepted("SIM-O1"));

        Assert.True(tracker.Observe(Fill("F1", "SIM-O1", 1)));
        Assert.True(tracker.Observe(Copy("F1", follower: 11)));
        Assert.True(tracker.Observe(Fill("F2", "SIM-O1", 1)));
        Assert.True(tracker.Observe(Copy("F2", follower: 11)));
        Assert.True(tracker.Observe(Copy("F1", follower: 12)));

        var trail = Assert.Single(tracker.Tickets);
        Assert.Equal(["F1", "F2"], trail.LeaderFills.Select(f => f.FillId));
        Assert.Equal(2, trail.FilledQuantity);
        Assert.Equal([("F1", 11), ("F2", 11), ("F1", 12)], trail.Copies.Select(c => (c.LeaderEventId, c.FollowerAccountId)));
    }

    [Fact]
    public void ClaimsAFillAndItsCopiesThatArrivedBeforeTheBrokersAnswer()
    {
        var tracker = new TicketCopyTracker();

        Assert.False(tracker.Observe(Fill("F1", "SIM-O1", 2)));
        Assert.False(tracker.Observe(Copy("F1", follower: 11)));
        var trail = tracker.Add(Buy2, Accepted("SIM-O1"));

        Assert.Equal("F1", Assert.Single(trail.LeaderFills).FillId);
        Assert.Equal(11, Assert.Single(trail.Copies).FollowerAccountId);
    }

    [Fact]
    public void IgnoresOtherOrdersOtherLeadersAndRefusedTickets()
    {
        var tracker = new TicketCopyTracker();
        tracker.Add(Buy2, Accepted("SIM-O1"));
        tracker.Add(Buy2 with { LeaderAccountId = 20 }, Accepted("SIM-O2"));
        tracker.Add(Buy2, TicketResult.Refused("Quantity must be positive."));

        Assert.False(tracker.Observe(Fill("F9", "SIM-O7", 1)));             // the leader's own trade, not a ticket's
        Assert.False(tracker.Observe(Fill("F8", "SIM-O2", 1)));             // the other ticket's order id, but on this leader
        Assert.False(tracker.Observe(Copy("F9", follower: 11)));

        Assert.All(tracker.Tickets, t => Assert.Empty(t.LeaderFills));
        Assert.All(tracker.Tickets, t => Assert.Empty(t.Copies));
    }

    [Fact]
    public void KeepsTheNewestTicketsFirstAndForgetsTheOldest()
    {
        var tracker = new TicketCopyTracker(keepTickets: 2);

        tracker.Add(Buy2, Accepted("SIM-O1"));
        tracker.Add(Buy2, Accepted("SIM-O2"));
        tracker.Add(Buy2, Accepted("SIM-O3"));

        Assert.Equal([3, 2], tracker.Tickets.Select(t => t.Number));
    }

    [Fact]
    public void UnclaimedEventsAreBoundedOldestOut()
    {
        var tracker = new TicketCopyTracker(keepUnclaimed: 2);
        tracker.Observe(Fill("F1", "SIM-O1", 1));
        tracker.Observe(Fill("F2", "SIM-O1", 1));
        tracker.Observe(Fill("F3", "SIM-O1", 1));

        var trail = tracker.Add(Buy2, Accepted("SIM-O1"));

        Assert.Equal(["F2", "F3"], trail.LeaderFills.Select(f => f.FillId));
    }

    private static TicketResult Accepted(string orderId) => new(true, orderId, null) { LatencyMs = 1.5 };

    private static LeaderFill Fill(string fillId, string orderId, int quantity, int leader = Leader) =>
        new(leader, new FillEvent(DateTimeOffset.UnixEpoch, "DEMO-LEADER", fillId, orderId, null, "MNQZ6", Side.Buy, quantity, 21000m), quantity, 0);

    private static CopyLogEntry Copy(string fillId, int follower) =>
        new(DateTimeOffset.UnixEpoch, 5, Leader, follower + 100, follower, fillId, "MNQZ6", "MNQZ6", Side.Buy, 1, 1, CopyOutcome.Accepted, 3.2, "tag", "SIM-O9", null);
}
