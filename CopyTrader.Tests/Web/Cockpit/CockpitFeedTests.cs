using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Reconciliation;
using CopyTrader.Web.Components.Pages.Cockpit;

namespace CopyTrader.Tests.Web.Cockpit;

public sealed class CockpitFeedTests : IDisposable
{
    private readonly FakeHub _hub = new();
    private readonly FakeEngine _engine = new();
    private readonly FakeReconciliation _reconciliation = new();
    private readonly CockpitFeed _feed;
    private readonly List<int> _changed = [];
    private int _logChanges;

    public CockpitFeedTests()
    {
        _feed = new CockpitFeed(_hub, _engine, _reconciliation, _ => true);
        _feed.AccountChanged += _changed.Add;
        _feed.CopyLogChanged += () => _logChanges++;
    }

    [Fact]
    public void AHubStateChangeNamesItsAccount()
    {
        _hub.Publish(FakeHub.State(11, "Follower one"));

        Assert.Equal([11], _changed);
        Assert.Equal("Follower one", _feed.StateOf(11)?.DisplayName);
    }

    [Fact]
    public void ACopyGoesOnTopOfTheLogAndBecomesItsFollowersLastCopy()
    {
        var first = CockpitComponentTest.Copy(11, CopyOutcome.Accepted, 5);
        var second = CockpitComponentTest.Copy(11, CopyOutcome.Failed, 8, "Timed out after 5 s");

        _engine.Complete(first);
        _engine.Complete(second);

        Assert.Equal([second, first], _feed.CopyLog);
        Assert.Same(second, _feed.LastCopyOf(11));
        Assert.Null(_feed.LastCopyOf(12));
        Assert.Equal([11, 11], _changed);
        Assert.Equal(2, _logChanges);
    }

    [Fact]
    public void TheLogKeepsOnlyTheNewestRows()
    {
        for (var i = 0; i < CockpitFeed.CopyLogRows + 5; i++)
        {
            _engine.Complete(CockpitComponentTest.Copy(11, CopyOutcome.Accepted, i));
        }

        Assert.Equal(CockpitFeed.CopyLogRows, _feed.CopyLog.Count);
        Assert.Equal(CockpitFeed.CopyLogRows + 4, _feed.CopyLog[0].LatencyMs);
        Assert.Equal(5, _feed.CopyLog[^1].LatencyMs);
    }

    [Fact]
    public void HistoryGoesBehindTheCopiesThatArrivedLiveAndFillsInLastCopies()
    {
        var live = CockpitComponentTest.Copy(11, CopyOutcome.Accepted, 3);
        _engine.Complete(live);
        var older = new CopyLogEntry(live.CreatedUtc.AddMinutes(-1), 5, 10, 22, 12, "E1", "MNQZ6", "MNQZ6", null, 1, 0, CopyOutcome.Skipped, 0.4, null, null, "Follower disabled");
        var olderForEleven = new CopyLogEntry(live.CreatedUtc.AddMinutes(-2), 5, 10, 21, 11, "E0", "MNQZ6", "MNQZ6", null, 1, 0, CopyOutcome.Accepted, 12, null, null, null);
        _changed.Clear();

        _feed.AddHistory([older, olderForEleven]);

        Assert.Equal([live, older, olderForEleven], _feed.CopyLog);
        Assert.Same(live, _feed.LastCopyOf(11)); // the live copy is newer than anything read
        Assert.Same(older, _feed.LastCopyOf(12));
        Assert.Equal([12], _changed);
    }

    [Fact]
    public void ReconciliationNamesOnlyTheAccountsWhoseDriftOrReadFailureChanged()
    {
        var drift = new FollowerDrift(5, 22, 12, "MNQZ6", 4, 1);

        _reconciliation.Publish(Report([drift], []));
        Assert.Equal([12], _changed);
        Assert.Equal([drift], _feed.DriftOf(22));
        Assert.Empty(_feed.DriftOf(21));

        _changed.Clear();
        _reconciliation.Publish(Report([drift with { }], [new FollowerReadFailure(5, 21, 11, "HTTP 401")]));
        Assert.Equal([11], _changed);
        Assert.Equal("HTTP 401", _feed.ReadFailureOf(21));

        _changed.Clear();
        _reconciliation.Publish(Report([], []));
        Assert.Equal([11, 12], _changed.Order());
        Assert.Empty(_feed.DriftOf(22));
        Assert.Null(_feed.ReadFailureOf(21));
    }

    [Fact]
    public void StartsFromTheLatestReport()
    {
        _reconciliation.Publish(Report([new FollowerDrift(5, 22, 12, "MNQZ6", 4, 1)], []));

        using var feed = new CockpitFeed(_hub, _engine, _reconciliation, _ => true);

        Assert.Single(feed.DriftOf(22));
    }

    [Fact]
    public void UnsubscribesOnDispose()
    {
        Assert.Equal(1, _hub.Subscribers);
        Assert.Equal(1, _engine.Subscribers);
        Assert.Equal(1, _reconciliation.Subscribers);

        _feed.Dispose();

        Assert.Equal(0, _hub.Subscribers);
        Assert.Equal(0, _engine.Subscribers);
        Assert.Equal(0, _reconciliation.Subscribers);
    }

    private static ReconciliationReport Report(IReadOnlyList<FollowerDrift> drifts, IReadOnlyList<FollowerReadFailure> failures) =>
        new(DateTimeOffset.UnixEpoch, drifts, failures, []);

    public void Dispose() => _feed.Dispose();
}
