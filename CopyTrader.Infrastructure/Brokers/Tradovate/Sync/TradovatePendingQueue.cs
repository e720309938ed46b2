using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

/// <summary>One waiting entity; <see cref="Entity"/> is a clone of its JSON (null for an order, rebuilt from the book).</summary>
internal sealed class TradovatePendingEntry(TradovatePendingKind kind, long entityId, JsonElement? entity, DateTimeOffset receivedUtc)
{
    public TradovatePendingKind Kind { get; } = kind;
    public long EntityId { get; } = entityId;
    public JsonElement? Entity { get; set; } = entity;
    public DateTimeOffset ReceivedUtc { get; } = receivedUtc;
    public bool IsSnapshot { get; set; }
    public string Reason { get; set; } = "";
    public long? MissingOrderId { get; set; }
    public long? MissingContractId { get; set; }

    public TradovatePendingItem ToItem() => new(Kind, EntityId, Reason, ReceivedUtc, IsSnapshot, MissingOrderId, MissingContractId);
}

/// <summary>
/// Waiting entities in arrival order, one per (kind, id): a newer version of a waiting entity takes the older
/// one's place in the line. Holds at most <c>capacity</c>; <see cref="Add"/> hands back the oldest it gave up.
/// </summary>
internal sealed class TradovatePendingQueue(int capacity)
{
    private readonly LinkedList<TradovatePendingEntry> _line = new();
    private readonly Dictionary<(TradovatePendingKind, long), LinkedListNode<TradovatePendingEntry>> _byKey = [];

    public int Count => _line.Count;

    public IReadOnlyList<TradovatePendingEntry> InOrder => [.. _line];

    public TradovatePendingEntry? Find(TradovatePendingKind kind, long id) =>
        _byKey.TryGetValue((kind, id), out var node) ? node.Value : null;

    /// <summary>Adds <paramref name="entry"/>, or returns the entry already waiting under its key for the caller to update.</summary>
    public (TradovatePendingEntry Entry, TradovatePendingEntry? GivenUp) Add(TradovatePendingEntry entry)
    {
        if (Find(entry.Kind, entry.EntityId) is { } waiting)
        {
            return (waiting, null);
        }

        _byKey[(entry.Kind, entry.EntityId)] = _line.AddLast(entry);
        if (_line.Count <= capacity)
        {
            return (entry, null);
        }

        var oldest = _line.First!.Value;
        Remove(oldest.Kind, oldest.EntityId);
        return (entry, oldest);
    }

    public bool Remove(TradovatePendingKind kind, long id)
    {
        if (!_byKey.Remove((kind, id), out var node))
        {
            return false;
        }

        _line.Remove(node);
        return true;
    }

    public void RemoveWhere(Func<TradovatePendingEntry, bool> predicate)
    {
        foreach (var entry in _line.Where(predicate).ToList())
        {
            Remove(entry.Kind, entry.EntityId);
        }
    }
}
