using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

public enum TradovateEntityEventType
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One entity change: <see cref="EntityType"/> is the camelCase singular name (<c>order</c>, <c>fill</c>, ...).</summary>
public sealed record TradovatePropsEvent(string EntityType, TradovateEntityEventType EventType, JsonElement Entity);

/// <summary>
/// Decodes the <c>d</c> of a <c>props</c> event (protocol file 1.7): <c>{"entityType","eventType","entity"}</c>.
/// The entity may be an object or an array of objects; an array yields one event per element.
/// </summary>
public static class TradovateProps
{
    public static TradovateWireResult<IReadOnlyList<TradovatePropsEvent>> Decode(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return Fail($"props data is a {data.ValueKind}, not an object");
        }

        if (!data.TryGetProperty("entityType", out var type) || type.ValueKind != JsonValueKind.String
            || type.GetString() is not { Length: > 0 } entityType)
        {
            return Fail("props data has no string \"entityType\"");
        }

        if (!data.TryGetProperty("eventType", out var eventTypeElement) || !TryEventType(eventTypeElement, out var eventType))
        {
            return Fail($"props '{entityType}' has no \"eventType\" of Created, Updated or Deleted");
        }

        if (!data.TryGetProperty("entity", out var entity))
        {
            return Fail($"props '{entityType}' {eventType} has no \"entity\"");
        }

        return entity.ValueKind switch
        {
            JsonValueKind.Object => Ok([new TradovatePropsEvent(entityType, eventType, entity)]),
            JsonValueKind.Array => FromArray(entityType, eventType, entity),
            _ => Fail($"props '{entityType}' {eventType} has an entity that is a {entity.ValueKind}, not an object or array"),
        };
    }

    private static TradovateWireResult<IReadOnlyList<TradovatePropsEvent>> FromArray(
        string entityType, TradovateEntityEventType eventType, JsonElement entities)
    {
        var events = new List<TradovatePropsEvent>(entities.GetArrayLength());
        foreach (var entity in entities.EnumerateArray())
        {
            if (entity.ValueKind != JsonValueKind.Object)
            {
                return Fail($"props '{entityType}' {eventType} has an array element that is a {entity.ValueKind}, not an object");
            }

            events.Add(new TradovatePropsEvent(entityType, eventType, entity));
        }

        return Ok(events);
    }

    private static bool TryEventType(JsonElement element, out TradovateEntityEventType eventType)
    {
        eventType = default;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        switch (element.GetString())
        {
            case "Created": eventType = TradovateEntityEventType.Created; return true;
            case "Updated": eventType = TradovateEntityEventType.Updated; return true;
            case "Deleted": eventType = TradovateEntityEventType.Deleted; return true;
            default: return false;
        }
    }

    private static TradovateWireResult<IReadOnlyList<TradovatePropsEvent>> Ok(IReadOnlyList<TradovatePropsEvent> events) =>
        TradovateWireResult<IReadOnlyList<TradovatePropsEvent>>.Ok(events);

    private static TradovateWireResult<IReadOnlyList<TradovatePropsEvent>> Fail(string reason) =>
        TradovateWireResult<IReadOnlyList<TradovatePropsEvent>>.Malformed(reason);
}
