using System.Text.Json.Nodes;

namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>The <c>user/syncrequest</c> snapshot (protocol file 1.6) and the session-end replay of fills (1.10).</summary>
public sealed partial class FakeTradovateExchange
{
    /// <summary>
    /// Builds the snapshot arrays for <paramref name="coverage"/> and hands them to <paramref name="subscribe"/> inside
    /// the exchange lock, so no event can fall between the snapshot and the subscription it starts.
    /// </summary>
    internal void Sync(FakeSyncCoverage coverage, Action<IReadOnlyList<KeyValuePair<string, JsonArray>>> subscribe)
    {
        lock (_gate)
        {
            subscribe(Snapshot(coverage));
        }
    }

    /// <summary>
    /// Session-end replay, way (b) of protocol file 1.10 [U]: every fill of the day is published again as
    /// <c>fill Created</c> on live sockets. (Way (a), shutdown and a fresh snapshot, is <see cref="FakeTradovateServer.EndSessionAsync"/>.)
    /// </summary>
    public void ReplayFillsOfTheDay() => Operate(() =>
    {
        foreach (var fill in _store.Fills.All)
        {
            Emit(FakeTradovateWords.Created, fill);
        }

        return 0;
    });

    private List<KeyValuePair<string, JsonArray>> Snapshot(FakeSyncCoverage coverage)
    {
        var accounts = _store.Accounts.All.Where(a => coverage.Covers(a.Id, a.UserId)).ToArray();
        var owners = accounts.Select(a => a.UserId).ToHashSet();
        var arrays = new List<KeyValuePair<string, JsonArray>>();
        foreach (var kind in _store.Kinds)
        {
            var items = kind.Table.All.Where(e => e is FakeUser user
                ? owners.Contains(user.Id) || (coverage.Users.Contains(user.Id) && coverage.Grant.Sees(user.Id))
                : coverage.Covers(_store.AccountOf(e), _store.UserOf(e)));
            arrays.Add(new(kind.SnapshotKey, new JsonArray([.. items.Select(FakeExchangeJson.Node)])));
        }

        arrays.Add(new("contractGroups", []));
        return arrays;
    }
}
