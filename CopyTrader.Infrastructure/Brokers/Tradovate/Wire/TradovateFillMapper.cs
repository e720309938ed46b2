using System.Globalization;
using System.Text.Json;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>
/// A <c>fill</c> entity's own fields. <see cref="TradeDate"/> is the wire's <c>tradeDate</c>, or the UTC date of
/// the timestamp when it is absent; <see cref="Active"/> is true when absent.
/// </summary>
public sealed record TradovateFillState(
    long FillId, long OrderId, long ContractId, DateTimeOffset TimeUtc, DateOnly TradeDate, Side Side, int Quantity, decimal Price, bool Active);

/// <summary>
/// Maps a Tradovate <c>fill</c> entity (<c>id, orderId, contractId, timestamp, action, qty, price</c>; protocol
/// file 1.8) to a <see cref="FillEvent"/>. The fill names neither its account nor its symbol, so both come
/// from <see cref="TradovateLookups"/>; an unknown order or contract is Unresolved.
/// </summary>
public static class TradovateFillMapper
{
    /// <summary>Reads and checks the fill's own fields, without any lookup.</summary>
    public static TradovateWireResult<TradovateFillState> Read(JsonElement fill)
    {
        var fields = new TradovateEntityFields(fill, "fill");
        var id = fields.Id("id");
        var orderId = fields.Id("orderId");
        var contractId = fields.Id("contractId");
        var time = fields.Timestamp("timestamp");
        var tradeDate = fields.OptionalTradeDate("tradeDate");
        var side = fields.Action();
        var quantity = fields.WholeNumber("qty");
        var price = fields.Decimal("price");
        var active = fields.OptionalBoolean("active", absent: true);
        if (fields.Problem is { } problem)
        {
            return TradovateWireResult<TradovateFillState>.Malformed(problem);
        }

        if (quantity <= 0)
        {
            return TradovateWireResult<TradovateFillState>.Malformed($"fill {id} has a qty of {quantity}, not a positive number");
        }

        return TradovateWireResult<TradovateFillState>.Ok(new(
            id, orderId, contractId, time, tradeDate ?? DateOnly.FromDateTime(time.UtcDateTime), side, quantity, price, active));
    }

    public static TradovateWireResult<FillEvent> Map(JsonElement fill, TradovateLookups lookups)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        var read = Read(fill);
        if (read.Value is not { } state)
        {
            return TradovateWireResult<FillEvent>.Malformed(read.Reason!);
        }

        if (lookups.AccountForOrder(state.OrderId) is not { } accountId)
        {
            return TradovateWireResult<FillEvent>.Unresolved($"fill {state.FillId} belongs to order {state.OrderId}, whose account is not known");
        }

        if (lookups.SymbolForContract(state.ContractId) is not { Length: > 0 } symbol)
        {
            return TradovateWireResult<FillEvent>.Unresolved($"fill {state.FillId} is for contract {state.ContractId}, whose symbol is not known");
        }

        return TradovateWireResult<FillEvent>.Ok(new FillEvent(
            state.TimeUtc,
            Text(accountId),
            Text(state.FillId),
            Text(state.OrderId),
            lookups.ClientOrderIdForOrder?.Invoke(state.OrderId),
            symbol,
            state.Side,
            state.Quantity,
            state.Price));
    }

    internal static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
