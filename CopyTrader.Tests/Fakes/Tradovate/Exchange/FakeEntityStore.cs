namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>Every table of the fake exchange and the wire names of their types. Not thread-safe: the exchange locks.</summary>
internal sealed class FakeEntityStore
{
    public FakeEntityStore()
    {
        Kinds =
        [
            FakeEntityKind.Of("user", Users),
            FakeEntityKind.Of("account", Accounts),
            FakeEntityKind.Of("currency", Currencies) with { SnapshotKey = "currencies" },
            FakeEntityKind.Of("product", Products),
            FakeEntityKind.Of("contractMaturity", Maturities, m => m.ProductId) with { SnapshotKey = "contractMaturities" },
            FakeEntityKind.Of("contract", Contracts, c => c.ContractMaturityId),
            FakeEntityKind.Of("order", Orders, o => o.AccountId),
            FakeEntityKind.Of("orderVersion", OrderVersions, v => v.OrderId),
            FakeEntityKind.Of("command", Commands, c => c.OrderId),
            FakeEntityKind.Of("commandReport", CommandReports, r => r.CommandId),
            FakeEntityKind.Of("executionReport", ExecutionReports, r => r.CommandId),
            FakeEntityKind.Of("fill", Fills, f => f.OrderId),
            FakeEntityKind.Of("fillPair", FillPairs, p => p.PositionId),
            FakeEntityKind.Of("position", Positions, p => p.AccountId),
            FakeEntityKind.Of("cashBalance", CashBalances, c => c.AccountId),
        ];
    }

    public FakeEntityTable<FakeUser> Users { get; } = new();

    public FakeEntityTable<FakeAccount> Accounts { get; } = new();

    public FakeEntityTable<FakeCurrency> Currencies { get; } = new();

    public FakeEntityTable<FakeProduct> Products { get; } = new();

    public FakeEntityTable<FakeContractMaturity> Maturities { get; } = new();

    public FakeEntityTable<FakeContract> Contracts { get; } = new();

    public FakeEntityTable<FakeOrder> Orders { get; } = new();

    public FakeEntityTable<FakeOrderVersion> OrderVersions { get; } = new();

    public FakeEntityTable<FakeCommand> Commands { get; } = new();

    public FakeEntityTable<FakeCommandReport> CommandReports { get; } = new();

    public FakeEntityTable<FakeExecutionReport> ExecutionReports { get; } = new();

    public FakeEntityTable<FakeFill> Fills { get; } = new();

    public FakeEntityTable<FakeFillPair> FillPairs { get; } = new();

    public FakeEntityTable<FakePosition> Positions { get; } = new();

    public FakeEntityTable<FakeCashBalance> CashBalances { get; } = new();

    public IReadOnlyList<FakeEntityKind> Kinds { get; }

    public FakeEntityKind? Kind(string entityType) =>
        Kinds.FirstOrDefault(k => string.Equals(k.EntityType, entityType, StringComparison.OrdinalIgnoreCase));

    public FakeEntityKind KindOf(IFakeEntity entity) => Kinds.First(k => k.ClrType == entity.GetType());

    /// <summary>The account an entity belongs to; null for shared reference data (products, contracts, currencies) and users.</summary>
    public long? AccountOf(IFakeEntity entity) => entity switch
    {
        FakeAccount a => a.Id,
        FakeOrder o => o.AccountId,
        FakePosition p => p.AccountId,
        FakeCashBalance c => c.AccountId,
        FakeExecutionReport r => r.AccountId,
        FakeOrderVersion v => Orders.Get(v.OrderId)?.AccountId,
        FakeCommand c => Orders.Get(c.OrderId)?.AccountId,
        FakeFill f => Orders.Get(f.OrderId)?.AccountId,
        FakeCommandReport r => Commands.Get(r.CommandId) is { } c ? Orders.Get(c.OrderId)?.AccountId : null,
        FakeFillPair p => Positions.Get(p.PositionId)?.AccountId,
        _ => null,
    };

    /// <summary>The user who owns an entity: a user is its own owner; shared reference data has none.</summary>
    public long? UserOf(IFakeEntity entity) => entity is FakeUser u
        ? u.Id
        : AccountOf(entity) is { } accountId ? Accounts.Get(accountId)?.UserId : null;
}
