using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

public sealed partial class TradovateUserState
{
    /// <summary>What a waiting entity needs, in words and by id.</summary>
    private readonly record struct Waiting(string Reason, long? MissingOrderId, long? MissingContractId);

    /// <summary>Puts an entity in line (or updates its place); the oldest item beyond the bound is given up as a problem.</summary>
    private void Pend(TradovatePendingKind kind, long id, JsonElement? entity, Waiting waiting, bool isSnapshot)
    {
        var (entry, givenUp) = _pending.Add(new TradovatePendingEntry(kind, id, entity, _clock.GetUtcNow()));
        entry.Entity = entity ?? entry.Entity;
        Update(entry, waiting);
        entry.IsSnapshot = isSnapshot;
        if (givenUp is not null)
        {
            Problem($"gave up waiting, more than {_options.MaxPending} items wait: {givenUp.Reason}", givenUp.Entity);
        }
    }

    private void Pend(TradovatePendingKind kind, long id, JsonElement? entity, string reason, bool isSnapshot, long? missingOrder, long? missingContract) =>
        Pend(kind, id, entity, new Waiting(reason, missingOrder, missingContract), isSnapshot);

    /// <summary>Tries every waiting item again, oldest first, so released events come out in arrival order.</summary>
    private void RetryPending()
    {
        foreach (var entry in _pending.InOrder)
        {
            if (_pending.Find(entry.Kind, entry.EntityId) != entry)
            {
                continue; // released or replaced by an earlier item's handling
            }

            switch (entry.Kind)
            {
                case TradovatePendingKind.Fill:
                    Settle(entry, ShowFill(entry.Entity!.Value, TradovateFillMapper.Read(entry.Entity.Value).Value!, entry.IsSnapshot));
                    break;
                case TradovatePendingKind.Position:
                    Settle(entry, ShowPosition(TradovateAccountStateMapper.ReadPosition(entry.Entity!.Value).Value!, entry.IsSnapshot, force: false));
                    break;
                case TradovatePendingKind.Order when _book.Orders.TryGetValue(entry.EntityId, out var order) && InScope(order.AccountId):
                    RefreshOrder(entry.EntityId, entry.IsSnapshot, force: false);
                    break;
                default:
                    _pending.Remove(entry.Kind, entry.EntityId); // its order is gone
                    break;
            }
        }
    }

    private void Settle(TradovatePendingEntry entry, Waiting? waiting)
    {
        if (waiting is { } still)
        {
            Update(entry, still);
        }
        else
        {
            _pending.Remove(entry.Kind, entry.EntityId);
        }
    }

    private static void Update(TradovatePendingEntry entry, Waiting waiting)
    {
        entry.Reason = waiting.Reason;
        entry.MissingOrderId = waiting.MissingOrderId;
        entry.MissingContractId = waiting.MissingContractId;
    }
}
