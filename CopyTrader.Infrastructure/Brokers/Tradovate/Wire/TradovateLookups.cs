namespace CopyTrader.Infrastructure.Brokers.Tradovate.Wire;

/// <summary>
/// What the connector already knows, for entities that carry ids only. Each function answers null when the id
/// is unknown; the mappers then return Unresolved rather than guess.
/// </summary>
/// <param name="SymbolForContract">Contract id to contract name (e.g. <c>MNQZ6</c>).</param>
/// <param name="AccountForOrder">Order id to account id: a fill names its order, not its account.</param>
/// <param name="ClientOrderIdForOrder">Order id to our client order id (it lives on the order's Command), if any.</param>
public sealed record TradovateLookups(
    Func<long, string?> SymbolForContract,
    Func<long, long?> AccountForOrder,
    Func<long, string?>? ClientOrderIdForOrder = null);
