namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>
/// Monotonic ids, one range per entity type so a test that mixes up an order id and a command id fails. The
/// first user and account ids match <see cref="FakeTradovateSnapshot"/>.
/// </summary>
internal sealed class FakeIds
{
    private readonly Dictionary<Type, long> _next = new()
    {
        [typeof(FakeUser)] = FakeTradovateSnapshot.UserId,
        [typeof(FakeAccount)] = FakeTradovateSnapshot.AccountId,
        [typeof(FakeCurrency)] = 1,
        [typeof(FakeProduct)] = 1_001,
        [typeof(FakeContractMaturity)] = 41_001,
        [typeof(FakeContract)] = 3_570_001,
        [typeof(FakeOrder)] = 210_001,
        [typeof(FakeOrderVersion)] = 310_001,
        [typeof(FakeCommand)] = 410_001,
        [typeof(FakeCommandReport)] = 510_001,
        [typeof(FakeExecutionReport)] = 610_001,
        [typeof(FakeFill)] = 710_001,
        [typeof(FakeFillPair)] = 810_001,
        [typeof(FakePosition)] = 910_001,
        [typeof(FakeCashBalance)] = 1_010_001,
    };

    /// <summary>Makes later ids of <typeparamref name="T"/> start above <paramref name="taken"/>.</summary>
    public void Above<T>(long taken)
        where T : IFakeEntity => _next[typeof(T)] = Math.Max(_next[typeof(T)], taken + 1);

    public long Next<T>()
        where T : IFakeEntity
    {
        var id = _next[typeof(T)];
        _next[typeof(T)] = id + 1;
        return id;
    }
}
