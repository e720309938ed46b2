namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

public sealed record FakeUser(long Id, string Name, string Status = "Active") : IFakeNamedEntity;

/// <summary>An account; Tradovate account names are all capitals.</summary>
public sealed record FakeAccount(long Id, string Name, long UserId, DateTimeOffset Timestamp) : IFakeNamedEntity
{
    public string AccountType { get; init; } = "Customer";

    public bool Active { get; init; } = true;

    public long ClearingHouseId { get; init; } = 2;

    public long RiskCategoryId { get; init; } = 2;

    public long AutoLiqProfileId { get; init; } = 2;

    public string MarginAccountType { get; init; } = "Speculator";

    public string LegalStatus { get; init; } = "Individual";

    public bool Archived { get; init; }
}

public sealed record FakeCurrency(long Id, string Name) : IFakeNamedEntity;

/// <summary><c>amount</c> is the cash; <c>realizedPnL</c> the session's realised P&amp;L (no commissions in the fake).</summary>
public sealed record FakeCashBalance(
    long Id, long AccountId, DateTimeOffset Timestamp, FakeTradeDate TradeDate, long CurrencyId, decimal Amount, decimal? RealizedPnL, decimal? WeekRealizedPnL)
    : IFakeEntity;
