using CopyTrader.Domain.Trading;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// The fields of <c>order/placeorder</c> (protocol file 1.9) [C]. <see cref="AccountSpec"/> is the account's name,
/// <see cref="ClOrdId"/> the caller's client order id (always sent; placement is made idempotent on it).
/// <see cref="Price"/> is for Limit/StopLimit, <see cref="StopPrice"/> for Stop/StopLimit/TrailingStop,
/// <see cref="ExpireTime"/> for GTD. <c>isAutomated:true</c> is always sent.
/// </summary>
public sealed record TradovateOrderTicket(
    long AccountId,
    string AccountSpec,
    string ClOrdId,
    Side Action,
    string Symbol,
    int OrderQty,
    OrderType OrderType,
    decimal? Price = null,
    decimal? StopPrice = null,
    TradovateTimeInForce? TimeInForce = null,
    DateTimeOffset? ExpireTime = null);

/// <summary>A <c>RestrainedOrderVersion</c>: an OSO bracket or the <c>other</c> side of an OCO (protocol file 1.9) [C]; it takes the entry's quantity.</summary>
public sealed record TradovateBracket(
    Side Action,
    OrderType OrderType,
    decimal? Price = null,
    decimal? StopPrice = null,
    TradovateTimeInForce? TimeInForce = null,
    string? ClOrdId = null,
    DateTimeOffset? ExpireTime = null);

/// <summary>The fields of <c>order/modifyorder</c> (protocol file 1.9) [C]: the order's full new quantity, type and prices.</summary>
public sealed record TradovateOrderChange(
    long OrderId,
    int OrderQty,
    OrderType OrderType,
    decimal? Price = null,
    decimal? StopPrice = null,
    TradovateTimeInForce? TimeInForce = null,
    DateTimeOffset? ExpireTime = null);
