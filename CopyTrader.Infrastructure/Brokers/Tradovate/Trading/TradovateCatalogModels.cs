using CopyTrader.Domain.Instruments;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>A <c>contract</c> entity (protocol file 1.8) [C]: <see cref="Name"/> is the symbol (<c>MNQZ6</c>).</summary>
public sealed record TradovateContract(long Id, string Name, long ContractMaturityId);

/// <summary>A <c>contractMaturity</c> entity [C]; the fields past <see cref="ProductId"/> are informative only.</summary>
public sealed record TradovateContractMaturity(long Id, long ProductId, int? ExpirationMonth, bool? IsFront);

/// <summary>A <c>product</c> entity [C]: the root (<see cref="Name"/>), its tick size and what one point is worth.</summary>
public sealed record TradovateProduct(long Id, string Name, string? Description, decimal TickSize, decimal ValuePerPoint);

/// <summary>What a contract id stands for: contract → contractMaturity → product, resolved once and cached.</summary>
public sealed record TradovateContractSpec(long ContractId, string Symbol, string Root, string Description, decimal TickSize, decimal ValuePerPoint)
{
    /// <summary>For <see cref="InstrumentCatalog.Report"/>: the root's tick size and point value as Tradovate states them.</summary>
    public InstrumentSpec ToInstrumentSpec() => new(Root, Description, TickSize, ValuePerPoint);
}
