using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

public sealed partial class TradovateUserState
{
    /// <summary>Stores a fill (its quantity counts toward its order's filled quantity); null when malformed.</summary>
    private TradovateFillState? IngestFill(JsonElement entity)
    {
        if (Read(TradovateFillMapper.Read(entity), entity) is not { } fill)
        {
            return null;
        }

        _book.AddFill(fill);
        return fill;
    }

    /// <summary>
    /// Only <c>Created</c> can make a live fill, and only the first time its id is seen at all (in a snapshot or
    /// in props): a duplicate, a re-sent <c>Created</c> of the session-end replay or a fill of a new session's
    /// snapshot never comes out live. Updates and deletions change the order's filled quantity only.
    /// </summary>
    private void OnLiveFill(JsonElement entity, TradovateEntityEventType eventType)
    {
        if (eventType == TradovateEntityEventType.Deleted)
        {
            var fields = new TradovateEntityFields(entity, "fill");
            var fillId = fields.Id("id");
            if (fields.Problem is { } problem)
            {
                Problem($"skipped: {problem}", entity);
            }
            else if (_book.RemoveFill(fillId) is { } orderId)
            {
                RefreshOrder(orderId, isSnapshot: false, force: false);
            }

            return;
        }

        if (IngestFill(entity) is not { } fill)
        {
            return;
        }

        if (eventType == TradovateEntityEventType.Created && _seen.FirstTime(fill.FillId, fill.TradeDate))
        {
            TryShowFill(entity, fill, isSnapshot: false);
        }

        RefreshOrder(fill.OrderId, isSnapshot: false, force: false);
    }

    /// <summary>Emits a first-seen fill of the scope, or puts it in line until its order and contract are known.</summary>
    private void TryShowFill(JsonElement entity, TradovateFillState fill, bool isSnapshot)
    {
        if (ShowFill(entity, fill, isSnapshot) is { } waiting)
        {
            Pend(TradovatePendingKind.Fill, fill.FillId, entity.Clone(), waiting, isSnapshot);
        }
    }

    /// <summary>Null when the fill is done with (shown, not of the scope, or malformed); otherwise what it waits for.</summary>
    private Waiting? ShowFill(JsonElement entity, TradovateFillState fill, bool isSnapshot)
    {
        if (!_book.Orders.TryGetValue(fill.OrderId, out var order))
        {
            return new Waiting($"fill {fill.FillId} belongs to order {fill.OrderId}, whose account is not known", fill.OrderId, null);
        }

        if (!InScope(order.AccountId))
        {
            return null;
        }

        var mapped = TradovateFillMapper.Map(entity, _lookups);
        switch (mapped.Outcome)
        {
            case TradovateWireOutcome.Ok when !isSnapshot && MayBeOursWithoutItsId(mapped.Value!.ClientOrderId, fill.OrderId):
                return new Waiting(
                    $"fill {fill.FillId} waits for the client order id of order {fill.OrderId}: its New command has not arrived and a placement is in flight",
                    null, null);
            case TradovateWireOutcome.Ok:
                Emit(mapped.Value! with { IsSnapshot = isSnapshot });
                return null;
            case TradovateWireOutcome.Unresolved:
                return new Waiting(mapped.Reason!, null, fill.ContractId);
            default:
                Problem($"skipped: {mapped.Reason}", entity);
                return null;
        }
    }

    /// <summary>
    /// A live fill or order without a client order id, of an order whose New command is still to come, while a placement
    /// of ours awaits its answer: it may be that placement's, so it waits rather than come out as someone else's.
    /// </summary>
    private bool MayBeOursWithoutItsId(string? clientOrderId, long orderId) =>
        clientOrderId is null && !_book.HasNewCommand(orderId) && _placementsInFlight?.Invoke() == true;
}
