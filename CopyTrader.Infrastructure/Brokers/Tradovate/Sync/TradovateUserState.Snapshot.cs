using System.Text.Json;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

public sealed partial class TradovateUserState
{
    private readonly HashSet<long> _awaitedPositions = [];
    private SyncPhase _phase = SyncPhase.AwaitingSnapshot;
    private bool _hadSnapshot;

    private enum SyncPhase
    {
        /// <summary>Before the current session's first snapshot: live changes are held.</summary>
        AwaitingSnapshot,

        /// <summary>The first snapshot is in but some of its positions wait for their contract: live changes are held.</summary>
        AwaitingPositions,

        /// <summary>The snapshot is complete; changes come out live.</summary>
        Synced,
    }

    /// <summary>The session number of the last <see cref="TradovateSessionMessage.SessionStarted"/> (0 before any).</summary>
    public int Session { get; private set; }

    /// <summary>True once the current session's <see cref="SnapshotCompleteEvent"/> has come out.</summary>
    public bool IsSynced => _phase == SyncPhase.Synced;

    private void OnSessionStarted(int session)
    {
        DropHeld($"session {session} starts with a fresh snapshot");
        Session = session;
        _phase = SyncPhase.AwaitingSnapshot;
        _awaitedPositions.Clear();
    }

    /// <summary>
    /// The first chunk of a session replaces the session state and completes the snapshot once the contracts of its
    /// positions (and of any chunk's positions before that) are known; later chunks (<c>splitResponses</c>, no
    /// documented end marker [U]) merge as history.
    /// </summary>
    private void OnSnapshot(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            Problem($"snapshot is a {data.ValueKind}, not an object; waiting for a snapshot that is", data);
            return;
        }

        var first = _phase == SyncPhase.AwaitingSnapshot;
        var shownBefore = first ? StartSessionState() : null;
        _hadSnapshot = true;

        ForEach(data, "accounts", OnAccount);
        ForEach(data, "contracts", OnContract);
        var touchedOrders = new List<long>();
        ForEach(data, "orders", order => touchedOrders.AddRange(IngestOrder(order)));
        ForEach(data, "orderVersions", version => touchedOrders.AddRange(IngestVersion(version)));
        ForEach(data, "commands", command => touchedOrders.AddRange(IngestCommand(command)));
        ForEach(data, "commandReports", report => touchedOrders.AddRange(IngestReport(report, commandReport: true)));
        ForEach(data, "executionReports", report => touchedOrders.AddRange(IngestReport(report, commandReport: false)));
        var fills = new List<(JsonElement Entity, TradovateFillState Fill)>();
        ForEach(data, "fills", fill =>
        {
            if (IngestFill(fill) is { } state)
            {
                fills.Add((fill, state));
                touchedOrders.Add(state.OrderId);
            }
        });

        var positionKeys = new HashSet<(long, long)>();
        ForEach(data, "positions", position =>
        {
            if (OnPosition(position, isSnapshot: true, awaitContract: _phase != SyncPhase.Synced) is { } key)
            {
                positionKeys.Add(key);
            }
        });
        if (shownBefore is not null)
        {
            ShowVanishedPositionsFlat(shownBefore, positionKeys);
        }

        ForEach(data, "cashBalances", balance => OnCashBalance(balance, isSnapshot: true));
        foreach (var orderId in (first ? _book.Orders.Keys.Order() : touchedOrders.Distinct()).ToList())
        {
            RefreshOrder(orderId, isSnapshot: true, force: first);
        }

        foreach (var (entity, fill) in fills)
        {
            if (_seen.FirstTime(fill.FillId, fill.TradeDate))
            {
                TryShowFill(entity, fill, isSnapshot: true);
            }
        }

        if (first)
        {
            _phase = SyncPhase.AwaitingPositions;
        }

        RetryPending();
        CompleteSnapshotIfReady();
    }

    /// <summary>
    /// Clears the session entities; what still waits from the old session is history now (the new snapshot's
    /// positions already include it). Returns the positions shown non-flat before, to flatten those that are gone.
    /// </summary>
    private Dictionary<(long Account, long Contract), BrokerPosition> StartSessionState()
    {
        _book.Clear();
        _orderProblems.Clear();
        _pending.RemoveWhere(e => e.Kind != TradovatePendingKind.Fill);
        foreach (var waiting in _pending.InOrder)
        {
            waiting.IsSnapshot = true;
        }

        foreach (var orderId in _shownOrders.Keys.ToList())
        {
            if (!_shownOrders[orderId].Status.IsOpen())
            {
                _shownOrders.Remove(orderId);
            }
        }

        return _shownPositions.Where(p => p.Value.Quantity != 0).ToDictionary();
    }

    /// <summary>A position shown open before the disconnect and absent from the new snapshot was closed meanwhile.</summary>
    private void ShowVanishedPositionsFlat(
        Dictionary<(long Account, long Contract), BrokerPosition> shownBefore, HashSet<(long, long)> inSnapshot)
    {
        foreach (var (key, position) in shownBefore.Where(p => !inSnapshot.Contains(p.Key)))
        {
            var flat = position with { Quantity = 0, AveragePrice = 0m, OpenPnl = 0m, RealizedPnl = 0m };
            _shownPositions[key] = flat;
            Emit(new PositionUpdateEvent(_clock.GetUtcNow(), TradovateFillMapper.Text(key.Account), flat) { IsSnapshot = true });
        }
    }

    /// <summary>Once the first snapshot's positions are all shown: one <see cref="SnapshotCompleteEvent"/>, then the held live changes.</summary>
    private void CompleteSnapshotIfReady()
    {
        if (_phase != SyncPhase.AwaitingPositions || _awaitedPositions.Count > 0)
        {
            return;
        }

        _phase = SyncPhase.Synced;
        Emit(new SnapshotCompleteEvent(_clock.GetUtcNow()));
        ReleaseHeld();
    }

    private void ForEach(JsonElement data, string name, Action<JsonElement> apply)
    {
        if (!data.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Problem($"snapshot \"{name}\" is a {array.ValueKind}, not an array", array);
            return;
        }

        foreach (var entity in array.EnumerateArray())
        {
            Guarded(name, entity, () => apply(entity));
        }
    }
}
