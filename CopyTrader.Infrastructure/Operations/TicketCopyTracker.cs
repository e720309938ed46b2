using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Infrastructure.Operations;

/// <summary>
/// Ties leader fills and follower copies to the tickets that caused them. Events may come before the ticket's
/// answer (a market order can fill before the broker's reply reaches us) and copies before their fill is
/// claimed, so what no ticket owns yet is kept, up to a bound, and claimed when its ticket arrives.
/// Feed it every <see cref="ILeaderMonitorHub.LeaderFillReceived"/> and <see cref="ICopyEngine.CopyCompleted"/>;
/// safe to call from any thread.
/// </summary>
public sealed class TicketCopyTracker(int keepTickets = 20, int keepUnclaimed = 1000)
{
    private readonly object _gate = new();
    private readonly List<TicketTrail> _tickets = []; // newest first
    private readonly List<LeaderFill> _unclaimedFills = [];
    private readonly List<CopyLogEntry> _unclaimedCopies = [];
    private int _lastNumber;

    /// <summary>The most recent tickets, newest first.</summary>
    public IReadOnlyList<TicketTrail> Tickets
    {
        get
        {
            lock (_gate)
            {
                return _tickets.ToList();
            }
        }
    }

    public TicketTrail Add(TicketOrder order, TicketResult result)
    {
        lock (_gate)
        {
            var trail = new TicketTrail(++_lastNumber, order, result);
            foreach (var fill in _unclaimedFills.Where(trail.Owns).ToList())
            {
                _unclaimedFills.Remove(fill);
                trail = Attach(trail, fill);
            }

            _tickets.Insert(0, trail);
            if (_tickets.Count > keepTickets)
            {
                _tickets.RemoveAt(_tickets.Count - 1);
            }

            return trail;
        }
    }

    /// <summary>True when the fill belongs to a ticket shown (the tickets changed).</summary>
    public bool Observe(LeaderFill fill)
    {
        lock (_gate)
        {
            var index = _tickets.FindIndex(t => t.Owns(fill));
            if (index < 0)
            {
                Keep(_unclaimedFills, fill);
                return false;
            }

            _tickets[index] = Attach(_tickets[index], fill);
            return true;
        }
    }

    /// <summary>True when the copy belongs to a ticket shown (the tickets changed).</summary>
    public bool Observe(CopyLogEntry copy)
    {
        lock (_gate)
        {
            var index = _tickets.FindIndex(t => t.Owns(copy));
            if (index < 0)
            {
                Keep(_unclaimedCopies, copy);
                return false;
            }

            _tickets[index] = _tickets[index] with { Copies = _tickets[index].Copies.Add(copy) };
            return true;
        }
    }

    private TicketTrail Attach(TicketTrail trail, LeaderFill fill)
    {
        var copies = _unclaimedCopies.Where(c => c.LeaderAccountId == fill.LeaderAccountId && c.LeaderEventId == fill.EventId).ToList();
        _unclaimedCopies.RemoveAll(copies.Contains);
        return trail with { LeaderFills = trail.LeaderFills.Add(fill.Fill), Copies = trail.Copies.AddRange(copies) };
    }

    private void Keep<T>(List<T> unclaimed, T item)
    {
        unclaimed.Add(item);
        if (unclaimed.Count > keepUnclaimed)
        {
            unclaimed.RemoveAt(0);
        }
    }
}
