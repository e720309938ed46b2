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

public static class TradovateOrderMapper
{
    public static TradovateWireResult<TradovateOrderState> Map(JsonElement order, Func<long, string?> symbolForContract)
    {
        ArgumentNullException.ThrowIfNull(symbolForContract);
        var fields = new TradovateEntityFields(order, "order");
        var id = fields.Id("id");
        var accountId = fields.Id("accountId");
        var contractId = fields.Id("contractId");
        var time = fields.Timestamp("timestamp");
        var side = fields.Action();
        var ordStatus = fields.String("ordStatus");
        if (fields.Problem is { } problem)
        {
            return TradovateWireResult<TradovateOrderState>.Malformed(problem);
        }

        if (symbolForContract(contractId) is not { Length: > 0 } symbol)
        {
            return TradovateWireResult<TradovateOrderState>.Unresolved($"order {id} is for contract {contractId}, whose symbol is not known");
        }

        return TradovateWireResult<TradovateOrderState>.Ok(
            new TradovateOrderState(id, accountId, contractId, symbol, time, side, ordStatus, StatusOf(ordStatus)));
    }

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
