namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>A product (root) such as <c>NQ</c>: tick size and dollar value of one point.</summary>
public sealed record FakeProduct(long Id, string Name, string Description, decimal TickSize, decimal ValuePerPoint, bool IsMicro) : IFakeNamedEntity
{
    public long CurrencyId { get; init; } = 1;

    public string ProductType { get; init; } = "Futures";

    public long ExchangeId { get; init; } = 1;

    public long ContractGroupId { get; init; } = 1;

    public string Status { get; init; } = "Verified";

    public string Months { get; init; } = "HMUZ";

    public string PriceFormatType { get; init; } = "Decimal";

    public int PriceFormat { get; init; } = -2;
}

/// <summary><c>expirationMonth</c> is 1..12 here (the spec's form; a doc example shows yyyymm [C, inconsistent]).</summary>
public sealed record FakeContractMaturity(long Id, long ProductId, int ExpirationMonth, DateTimeOffset ExpirationDate, bool IsFront) : IFakeEntity
{
    public bool Archived { get; init; }

    public int SeqNo { get; init; } = 1;
}

/// <summary>A contract; the name is root + month code + one-digit year (<c>NQZ6</c>).</summary>
public sealed record FakeContract(long Id, string Name, long ContractMaturityId, decimal ProviderTickSize) : IFakeNamedEntity
{
    public string Status { get; init; } = "DefinitionChecked";
}
