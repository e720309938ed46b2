using System.Globalization;

namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>What a test reads back: accounts, contracts, and an account's positions, orders, fills and cash.</summary>
public sealed partial class FakeTradovateExchange
{
    public IReadOnlyList<FakeAccount> Accounts => Locked(() => _store.Accounts.All);

    public IReadOnlyList<FakeContract> Contracts => Locked(() => _store.Contracts.All);

    public FakeAccount Account(long accountId) => Locked(() => AccountCore(accountId));

    public FakeAccount Account(string name) => Locked(() =>
        _store.Accounts.All.FirstOrDefault(a => a.Name == name) ?? throw new FakeTradovateNotFoundException("account", name));

    public FakeContract Contract(string symbol) => Locked(() => ContractCore(symbol));

    public FakeContract Contract(long contractId) => Locked(() =>
        _store.Contracts.Get(contractId) ?? throw new FakeTradovateNotFoundException("contract", contractId.ToString(CultureInfo.InvariantCulture)));

    public FakeProduct ProductOfContract(long contractId) => Locked(() => ProductOf(contractId));

    public IReadOnlyList<FakePosition> PositionsOf(long accountId) =>
        Locked(() => _store.Positions.All.Where(p => p.AccountId == accountId).ToArray());

    /// <summary>The account's position in <paramref name="symbol"/>, null when it never had one.</summary>
    public FakePosition? PositionOf(long accountId, string symbol) => Locked(() => PositionCore(accountId, ContractCore(symbol).Id));

    /// <summary>The signed net position, 0 when none.</summary>
    public int NetPosOf(long accountId, string symbol) => PositionOf(accountId, symbol)?.NetPos ?? 0;

    public IReadOnlyList<FakeOrder> OrdersOf(long accountId) =>
        Locked(() => _store.Orders.All.Where(o => o.AccountId == accountId).ToArray());

    public FakeOrder Order(long orderId) => Locked(() => OrderCore(orderId));

    /// <summary>The order's current version (quantity, type, prices).</summary>
    public FakeOrderVersion VersionOf(long orderId) => Locked(() =>
    {
        var id = OrderCore(orderId).Id;
        return _store.OrderVersions.All.Last(v => v.OrderId == id);
    });

    public IReadOnlyList<FakeCommand> CommandsOf(long orderId) =>
        Locked(() => _store.Commands.All.Where(c => c.OrderId == orderId).ToArray());

    public IReadOnlyList<FakeCommandReport> CommandReportsOf(long orderId) => Locked(() =>
    {
        var commands = _store.Commands.All.Where(c => c.OrderId == orderId).Select(c => c.Id).ToHashSet();
        return _store.CommandReports.All.Where(r => commands.Contains(r.CommandId)).ToArray();
    });

    public IReadOnlyList<FakeExecutionReport> ExecutionReportsOf(long orderId) =>
        Locked(() => _store.ExecutionReports.All.Where(r => r.OrderId == orderId).ToArray());

    public IReadOnlyList<FakeFill> FillsOf(long accountId) => Locked(() =>
        _store.Fills.All.Where(f => _store.Orders.Get(f.OrderId)?.AccountId == accountId).ToArray());

    public IReadOnlyList<FakeFill> FillsOfOrder(long orderId) => Locked(() => _store.Fills.All.Where(f => f.OrderId == orderId).ToArray());

    public IReadOnlyList<FakeFillPair> FillPairsOf(long accountId) => Locked(() =>
        _store.FillPairs.All.Where(p => _store.Positions.Get(p.PositionId)?.AccountId == accountId).ToArray());

    public FakeCashBalance CashBalanceOf(long accountId) => Locked(() => CashCore(accountId));

    /// <summary>The account's cash snapshot as <c>cashBalance/getcashbalancesnapshot</c> answers it.</summary>
    public FakeCashSnapshot CashSnapshotOf(long accountId) => Locked(() =>
    {
        var cash = CashCore(accountId);
        var open = _store.Positions.All.Where(p => p.AccountId == accountId && p.NetPos != 0)
            .Sum(p => (_prices[p.ContractId] - p.NetPrice!.Value) * ProductOf(p.ContractId).ValuePerPoint * p.NetPos);
        var realized = cash.RealizedPnL ?? 0m;
        return new FakeCashSnapshot(cash.Amount, realized, cash.WeekRealizedPnL ?? 0m, open, realized + open, cash.Amount + open, 0m, 0m);
    });

    private FakeOrder OrderCore(long orderId) =>
        _store.Orders.Get(orderId) ?? throw new FakeTradovateNotFoundException("order", orderId.ToString(CultureInfo.InvariantCulture));

    private FakeCashBalance CashCore(long accountId)
    {
        var id = AccountCore(accountId).Id;
        return _store.CashBalances.All.First(c => c.AccountId == id);
    }
}
