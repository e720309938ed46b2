using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// The read endpoints a copier needs (protocol file 1.9) [C] over a login's <see cref="TradovateRestClient"/>. Every read
/// returns the entities or a failure; an error is never an empty list, and one unreadable entity fails the read.
/// </summary>
public sealed class TradovateAccountReader(TradovateRestClient rest)
{
    /// <summary><c>GET account/list</c>: the login's accounts.</summary>
    public Task<TradovateResult<IReadOnlyList<TradovateAccount>>> GetAccountsAsync(CancellationToken ct) =>
        ListAsync(TradovateRestRequest.Get("account/list"), TradovateReadMappers.Account, ct);

    /// <summary><c>GET position/deps?masterid=&lt;accountId&gt;</c>, flat positions (netPos 0) included.</summary>
    public Task<TradovateResult<IReadOnlyList<TradovatePosition>>> GetPositionsAsync(long accountId, CancellationToken ct) =>
        ListAsync(TradovateRestRequest.Get("position/deps", ("masterid", accountId)), TradovateReadMappers.Position, ct);

    /// <summary><c>GET fill/deps?masterid=&lt;orderId&gt;</c>.</summary>
    public Task<TradovateResult<IReadOnlyList<TradovateFill>>> GetFillsAsync(long orderId, CancellationToken ct) =>
        ListAsync(TradovateRestRequest.Get("fill/deps", ("masterid", orderId)), TradovateReadMappers.Fill, ct);

    /// <summary><c>POST cashBalance/getcashbalancesnapshot {accountId}</c>.</summary>
    public async Task<TradovateResult<TradovateCashBalanceSnapshot>> GetCashBalanceSnapshotAsync(long accountId, CancellationToken ct)
    {
        var request = TradovateRestRequest.Post("cashBalance/getcashbalancesnapshot", new TradovateJsonBody(w => w.WriteNumber("accountId", accountId)));
        var answer = await rest.SendAsync(request, ct);
        return answer.Then(body => TradovateJsonRead.Entity(request.Target, body, TradovateReadMappers.CashBalance));
    }

    /// <summary>
    /// <c>GET order/deps?masterid=&lt;accountId&gt;</c>, each order joined with <c>orderVersion/deps</c> and <c>command/deps</c>
    /// (two more requests per order, so <paramref name="workingOnly"/> keeps it to the orders still alive at the broker).
    /// </summary>
    public async Task<TradovateResult<IReadOnlyList<TradovateOrderDetail>>> GetOrdersAsync(long accountId, bool workingOnly, CancellationToken ct)
    {
        var orders = await ListAsync(TradovateRestRequest.Get("order/deps", ("masterid", accountId)), e => TradovateReadMappers.Entity(e, "order"), ct);
        if (!orders.IsSuccess)
        {
            return TradovateResult<IReadOnlyList<TradovateOrderDetail>>.Fail(orders.Error);
        }

        var details = new List<TradovateOrderDetail>();
        foreach (var order in orders.Value.Where(o => !workingOnly || IsWorking(o)))
        {
            var detail = await JoinAsync(order, ct);
            if (!detail.IsSuccess)
            {
                return TradovateResult<IReadOnlyList<TradovateOrderDetail>>.Fail(detail.Error);
            }

            details.Add(detail.Value);
        }

        return TradovateResult<IReadOnlyList<TradovateOrderDetail>>.Ok(details);
    }

    private async Task<TradovateResult<TradovateOrderDetail>> JoinAsync(JsonElement order, CancellationToken ct)
    {
        var orderId = order.GetProperty("id").GetInt64();
        var versions = await ListAsync(TradovateRestRequest.Get("orderVersion/deps", ("masterid", orderId)), e => TradovateReadMappers.Entity(e, "orderVersion"), ct);
        if (!versions.IsSuccess)
        {
            return TradovateResult<TradovateOrderDetail>.Fail(versions.Error);
        }

        var commands = await ListAsync(TradovateRestRequest.Get("command/deps", ("masterid", orderId)), e => TradovateReadMappers.Entity(e, "command"), ct);
        return commands.Then(c => TradovateJsonRead.Entity($"order {orderId}", order, o => TradovateOrderJoin.Join(o, versions.Value, c)));
    }

    private static bool IsWorking(JsonElement order) =>
        TradovateJsonRead.OptionalString(order, "ordStatus") is not { } status
        || Wire.TradovateOrderMapper.StatusOf(status) == Domain.Trading.OrderStatus.Working;

    private async Task<TradovateResult<IReadOnlyList<T>>> ListAsync<T>(
        TradovateRestRequest request, Func<JsonElement, (T? Value, string? Problem)> map, CancellationToken ct)
    {
        var answer = await rest.SendAsync(request, ct);
        return answer.Then(body => TradovateJsonRead.Array(request.Target, body, map));
    }
}
