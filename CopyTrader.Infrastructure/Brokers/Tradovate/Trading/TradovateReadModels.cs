using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>An <c>account</c> entity (protocol file 1.8) [C]: <see cref="Name"/> is what orders send as <c>accountSpec</c>.</summary>
public sealed record TradovateAccount(long Id, string Name, bool? Active);

/// <summary>A <c>position</c> entity [C]: <see cref="NetPos"/> is signed; a flat position stays with 0.</summary>
public sealed record TradovatePosition(long Id, long AccountId, long ContractId, int NetPos, decimal? NetPrice, DateTimeOffset Timestamp);

/// <summary>A <c>fill</c> entity [C].</summary>
public sealed record TradovateFill(long Id, long OrderId, long ContractId, DateTimeOffset Timestamp, Side Action, int Qty, decimal Price, bool? Active);

/// <summary>The answer of <c>cashBalance/getcashbalancesnapshot</c> [C]; only <see cref="TotalCashValue"/> is required.</summary>
public sealed record TradovateCashBalanceSnapshot(
    decimal TotalCashValue,
    decimal? NetLiq,
    decimal? OpenPnL,
    decimal? RealizedPnL,
    decimal? WeekRealizedPnL,
    decimal? TotalPnL,
    decimal? InitialMargin,
    decimal? MaintenanceMargin);

/// <summary>
/// An order joined with its latest <c>orderVersion</c> (quantity, type, prices) and its <c>New</c> command (clOrdId)
/// (protocol file 1.8: the order entity has none of these) [C]. <see cref="OrderType"/> is null for a Tradovate type the
/// Domain lacks (MIT, QTS, TrailingStopLimit); <see cref="OrderTypeName"/> always has the wire name.
/// </summary>
public sealed record TradovateOrderDetail(
    long OrderId,
    long AccountId,
    long ContractId,
    DateTimeOffset Timestamp,
    Side Action,
    string OrdStatus,
    OrderStatus? Status,
    int OrderQty,
    string OrderTypeName,
    OrderType? OrderType,
    decimal? Price,
    decimal? StopPrice,
    TradovateTimeInForce? TimeInForce,
    string? ClOrdId,
    long? OcoId,
    long? ParentId);
