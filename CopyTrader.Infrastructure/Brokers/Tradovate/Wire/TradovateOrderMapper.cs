using System.Text.Json;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>
/// An <c>order</c> entity as the wire carries it (protocol file 1.8). Tradovate keeps quantity, type and
/// prices on the OrderVersion and the client order id on the Command, so this is not yet a
/// <see cref="Domain.Brokers.BrokerOrder"/>: the connector joins it with those. <see cref="Status"/> is null
/// for an <see cref="OrdStatus"/> with no Domain equivalent.
/// </summary>
public sealed record TradovateOrderState(
    long OrderId,
    long AccountId,
    long ContractId,
    string Symbol,
    DateTimeOffset TimeUtc,
    Side Side,
    string OrdStatus,
    OrderStatus? Status);

/// <summary>
/// An <c>order</c> entity's own fields, before any lookup: <see cref="OcoId"/>, <see cref="ParentId"/> and
/// <see cref="LinkedId"/> are the wire's optional links to other orders.
/// </summary>
public sealed record TradovateOrderEntity(
    long OrderId,
    long AccountId,
    long ContractId,
    DateTimeOffset TimeUtc,
    Side Side,
    string OrdStatus,
    long? OcoId,
    long? ParentId,
    long? LinkedId);

public static class TradovateOrderMapper
{
    /// <summary>Reads and checks the order's own fields, without any lookup.</summary>
    public static TradovateWireResult<TradovateOrderEntity> Read(JsonElement order)
    {
        var fields = new TradovateEntityFields(order, "order");
        var id = fields.Id("id");
        var accountId = fields.Id("accountId");
        var contractId = fields.Id("contractId");
        var time = fields.Timestamp("timestamp");
        var side = fields.Action();
        var ordStatus = fields.String("ordStatus");
        var ocoId = fields.OptionalId("ocoId");
        var parentId = fields.OptionalId("parentId");
        var linkedId = fields.OptionalId("linkedId");
        return fields.Problem is { } problem
            ? TradovateWireResult<TradovateOrderEntity>.Malformed(problem)
            : TradovateWireResult<TradovateOrderEntity>.Ok(new(id, accountId, contractId, time, side, ordStatus, ocoId, parentId, linkedId));
    }

    public static TradovateWireResult<TradovateOrderState> Map(JsonElement order, Func<long, string?> symbolForContract)
    {
        ArgumentNullException.ThrowIfNull(symbolForContract);
        var read = Read(order);
        if (read.Value is not { } o)
        {
            return TradovateWireResult<TradovateOrderState>.Malformed(read.Reason!);
        }

        if (symbolForContract(o.ContractId) is not { Length: > 0 } symbol)
        {
            return TradovateWireResult<TradovateOrderState>.Unresolved(UnknownContract(o.OrderId, o.ContractId));
        }

        return TradovateWireResult<TradovateOrderState>.Ok(
            new TradovateOrderState(o.OrderId, o.AccountId, o.ContractId, symbol, o.TimeUtc, o.Side, o.OrdStatus, StatusOf(o.OrdStatus)));
    }

    internal static string UnknownContract(long orderId, long contractId) =>
        $"order {orderId} is for contract {contractId}, whose symbol is not known";

    /// <summary>
    /// Tradovate <c>ordStatus</c> to the Domain's. Pending states are still alive at the broker, so they count as
    /// Working; Expired ends unfilled, so it counts as Canceled. Completed and Unknown have no documented
    /// meaning and map to null. A partial fill is <c>Working</c> on the wire: PartiallyFilled comes from fills.
    /// </summary>
    public static OrderStatus? StatusOf(string ordStatus) => ordStatus switch
    {
        "Working" or "PendingNew" or "PendingReplace" or "PendingCancel" or "Suspended" => OrderStatus.Working,
        "Filled" => OrderStatus.Filled,
        "Canceled" or "Expired" => OrderStatus.Canceled,
        "Rejected" => OrderStatus.Rejected,
        _ => null,
    };
}
