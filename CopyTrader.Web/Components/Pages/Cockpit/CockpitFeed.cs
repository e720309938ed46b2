using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Reconciliation;

namespace CopyTrader.Web.Components.Pages.Cockpit;

/// <summary>
/// The live part of one cockpit: account state from the hub, copies from the engine, drift from reconciliation,
/// narrowed to "this account changed" so only that account's card re-renders (50 accounts and a copy a second
/// must not repaint the whole page). Keeps the newest copy per follower account (its latency) and a capped copy log.
/// Events are raised on broker and engine threads; subscribers switch to their circuit with InvokeAsync.
/// </summary>
public sealed class CockpitFeed : IDisposable
{
    public const int CopyLogRows = 100;

    private static readonly IReadOnlyList<FollowerDrift> NoDrift = [];

    private readonly ILeaderMonitorHub _hub;
    private readonly ICopyEngine _engine;
    private readonly IReconciliationService _reconciliation;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, CopyLogEntry> _lastCopy = [];
    private List<CopyLogEntry> _copyLog = [];
    private Dictionary<int, IReadOnlyList<FollowerDrift>> _drift = [];
    private Dictionary<int, string> _readFailures = [];
    private List<(int FollowerId, int AccountId)> _reported = [];

    private readonly Func<CopyLogEntry, bool> _visible;

    /// <param name="visible">Which live copies this viewer may see (a trader: their own accounts' copies).</param>
    public CockpitFeed(ILeaderMonitorHub hub, ICopyEngine engine, IReconciliationService reconciliation, Func<CopyLogEntry, bool> visible)
    {
        _visible = visible;
        _hub = hub;
        _engine = engine;
        _reconciliation = reconciliation;
        Apply(reconciliation.Latest);
        hub.AccountStateChanged += OnAccountStateChanged;
        engine.CopyCompleted += OnCopyCompleted;
        reconciliation.Reconciled += OnReconciled;
    }

    /// <summary>An account's state, its newest copy or its drift changed; the argument is the account id.</summary>
    public event Action<int>? AccountChanged;

    public event Action? CopyLogChanged;

    public AccountState? StateOf(int accountId) => _hub.AccountStateOf(accountId);

    /// <summary>The newest copy to this follower account, live or from history.</summary>
    public CopyLogEntry? LastCopyOf(int accountId)
    {
        lock (_gate)
        {
            return _lastCopy.GetValueOrDefault(accountId);
        }
    }

    public IReadOnlyList<FollowerDrift> DriftOf(int followerId)
    {
        lock (_gate)
        {
            return _drift.GetValueOrDefault(followerId, NoDrift);
        }
    }

    /// <summary>Why this follower's positions could not be read at the last reconciliation, or null.</summary>
    public string? ReadFailureOf(int followerId)
    {
        lock (_gate)
        {
            return _readFailures.GetValueOrDefault(followerId);
        }
    }

    /// <summary>The newest copies first, at most <see cref="CopyLogRows"/>; a new list after each change.</summary>
    public IReadOnlyList<CopyLogEntry> CopyLog
    {
        get
        {
            lock (_gate)
            {
                return _copyLog;
            }
        }
    }

    /// <summary>Adds copies read from the database (newest first) behind the ones that arrived live meanwhile.</summary>
    public void AddHistory(IReadOnlyList<CopyLogEntry> recent)
    {
        List<int> changed;
        lock (_gate)
        {
            var live = _copyLog.Select(l => l.Id).ToHashSet();
            _copyLog = _copyLog.Concat(recent.Where(r => r.Id == 0 || !live.Contains(r.Id))).Take(CopyLogRows).ToList();
            changed = [];
            foreach (var entry in recent.Reverse())
            {
                if (!_lastCopy.TryGetValue(entry.FollowerAccountId, out var known) || known.CreatedUtc < entry.CreatedUtc)
                {
                    _lastCopy[entry.FollowerAccountId] = entry;
                    changed.Add(entry.FollowerAccountId);
                }
            }
        }

        CopyLogChanged?.Invoke();
        foreach (var accountId in changed.Distinct())
        {
            AccountChanged?.Invoke(accountId);
        }
    }

    public void Dispose()
    {
        _hub.AccountStateChanged -= OnAccountStateChanged;
        _engine.CopyCompleted -= OnCopyCompleted;
        _reconciliation.Reconciled -= OnReconciled;
    }

    private void OnAccountStateChanged(AccountState state) => AccountChanged?.Invoke(state.AccountId);

    private void OnCopyCompleted(CopyLogEntry entry)
    {
        if (!_visible(entry))
        {
            return;
        }

        lock (_gate)
        {
            _copyLog = _copyLog.Prepend(entry).Take(CopyLogRows).ToList();
            _lastCopy[entry.FollowerAccountId] = entry;
        }

        CopyLogChanged?.Invoke();
        AccountChanged?.Invoke(entry.FollowerAccountId);
    }

    private void OnReconciled(ReconciliationReport report)
    {
        foreach (var accountId in Apply(report))
        {
            AccountChanged?.Invoke(accountId);
        }
    }

    /// <summary>Takes the report's drift and read failures; returns the accounts whose picture changed.</summary>
    private HashSet<int> Apply(ReconciliationReport report)
    {
        var drift = report.Drifts.GroupBy(d => d.FollowerId).ToDictionary(g => g.Key, g => (IReadOnlyList<FollowerDrift>)g.ToList());
        var failures = report.Failures.GroupBy(f => f.FollowerId).ToDictionary(g => g.Key, g => g.First().Reason);
        var reported = report.Drifts.Select(d => (d.FollowerId, d.AccountId))
            .Concat(report.Failures.Select(f => (f.FollowerId, f.AccountId))).Distinct().ToList();
        lock (_gate)
        {
            var changed = _reported.Concat(reported)
                .Where(f => !_drift.GetValueOrDefault(f.FollowerId, NoDrift).SequenceEqual(drift.GetValueOrDefault(f.FollowerId, NoDrift))
                    || _readFailures.GetValueOrDefault(f.FollowerId) != failures.GetValueOrDefault(f.FollowerId))
                .Select(f => f.AccountId).ToHashSet();
            _drift = drift;
            _readFailures = failures;
            _reported = reported;
            return changed;
        }
    }
}
