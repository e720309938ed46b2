using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

public sealed partial class TradovateUserState
{
    private readonly Queue<TradovatePropsEvent> _held = new();

    /// <summary>
    /// Reference data (accounts, contracts) applies at once: a waiting snapshot may need it. Every other change
    /// waits until the snapshot is complete, so the hub counts it after the positions it starts from.
    /// </summary>
    private void OnProps(TradovatePropsEvent change)
    {
        if (change.EntityType is "account" or "contract" || _phase == SyncPhase.Synced)
        {
            ApplyChange(change);
            return;
        }

        _held.Enqueue(change with { Entity = change.Entity.Clone() });
        if (_held.Count > _options.MaxHeld)
        {
            var dropped = _held.Dequeue();
            Problem($"dropped a held {dropped.EntityType} {dropped.EventType}: more than {_options.MaxHeld} changes held while the snapshot is incomplete", dropped.Entity);
        }
    }

    private void ReleaseHeld()
    {
        while (_phase == SyncPhase.Synced && _held.TryDequeue(out var change))
        {
            ApplyChange(change);
        }
    }

    private void DropHeld(string why)
    {
        if (_held.Count > 0)
        {
            Problem($"dropped {_held.Count} live change(s) held for session {Session}: {why}");
            _held.Clear();
        }
    }

    private void ApplyChange(TradovatePropsEvent change)
    {
        var entities = change.Entity.ValueKind == JsonValueKind.Array
            ? change.Entity.EnumerateArray().ToList()
            : [change.Entity];
        foreach (var entity in entities)
        {
            Guarded($"{change.EntityType} {change.EventType}", entity, () => ApplyEntity(change.EntityType, change.EventType, entity));
        }

        RetryPending();
        CompleteSnapshotIfReady();
    }

    private void ApplyEntity(string entityType, TradovateEntityEventType eventType, JsonElement entity)
    {
        var deleted = eventType == TradovateEntityEventType.Deleted;
        switch (entityType)
        {
            case "account" when !deleted:
                OnAccount(entity);
                break;
            case "contract" when !deleted:
                OnContract(entity);
                break;
            case "order" when deleted:
                ForgetOrder(entity);
                break;
            case "order":
                RefreshOrders(IngestOrder(entity));
                break;
            case "orderVersion" when !deleted:
                RefreshOrders(IngestVersion(entity));
                break;
            case "command" when !deleted:
                RefreshOrders(IngestCommand(entity));
                break;
            case "commandReport" when !deleted:
                RefreshOrders(IngestReport(entity, commandReport: true));
                break;
            case "executionReport" when !deleted:
                RefreshOrders(IngestReport(entity, commandReport: false));
                break;
            case "fill":
                OnLiveFill(entity, eventType);
                break;
            case "position" when deleted:
                ForgetPosition(entity);
                break;
            case "position":
                OnPosition(entity, isSnapshot: false, awaitContract: false);
                break;
            case "cashBalance" when !deleted:
                OnCashBalance(entity, isSnapshot: false);
                break;
        }
    }

    private void RefreshOrders(IEnumerable<long> orderIds)
    {
        foreach (var orderId in orderIds.ToList())
        {
            RefreshOrder(orderId, isSnapshot: false, force: false);
        }
    }

    private void OnAccount(JsonElement entity)
    {
        if (Read(TradovateReferenceMapper.Account(entity), entity) is { } account)
        {
            _accounts[account.Id] = account.Name;
        }
    }

    private void OnContract(JsonElement entity)
    {
        if (Read(TradovateReferenceMapper.Contract(entity), entity) is { } contract)
        {
            _contracts.Add(contract.Id, contract.Name);
        }
    }

    /// <summary>The value of a mapping, or null after recording why it is malformed.</summary>
    private T? Read<T>(TradovateWireResult<T> result, JsonElement entity)
        where T : class
    {
        if (result.Outcome == TradovateWireOutcome.Malformed)
        {
            Problem($"skipped: {result.Reason}", entity);
        }

        return result.Value;
    }
}
