namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// <c>PlaceOrderResult</c> with an <c>orderId</c> (placeorder, liquidateposition). <see cref="Recovered"/>: the placement
/// had no answer and the order was found afterwards by its clOrdId, so it was not sent again.
/// </summary>
public sealed record TradovatePlacedOrder(long OrderId, bool Recovered = false);

/// <summary>placeoso's answer: the entry and its brackets (a bracket id is null when Tradovate did not name it).</summary>
public sealed record TradovatePlacedOso(long OrderId, long? Oso1Id, long? Oso2Id, bool Recovered = false);

/// <summary>placeoco's answer: the order and <c>ocoId</c> (null when Tradovate did not name it, e.g. after a recovery).</summary>
public sealed record TradovatePlacedOco(long OrderId, long? OcoId, bool Recovered = false);

/// <summary><c>CommandResult</c> of modifyorder and cancelorder: the command was accepted for execution.</summary>
public sealed record TradovateCommandAccepted(long CommandId);
