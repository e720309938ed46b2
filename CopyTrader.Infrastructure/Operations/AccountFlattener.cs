using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;

namespace CopyTrader.Infrastructure.Operations;

/// <summary>
/// Flattens one account: cancels its working orders, then liquidates every position. A read that fails is
/// a failed step with the broker's error, never "nothing to flatten".
/// </summary>
internal sealed class AccountFlattener(ILeaderMonitorHub hub)
{
    public async Task<FlattenResult> FlattenAsync(AccountSnapshot account, string? clientOrderId, CancellationToken ct)
    {
        if (hub.ConnectorFor(account.Id) is not { } connector)
        {
            return new FlattenResult(account.Id, account.DisplayName, [new FlattenStep("Connect", false, BrokerConnectionText.NotConnected(account.DisplayName))]);
        }

        var steps = new List<FlattenStep>();
        foreach (var order in await ReadAsync(steps, "Read working orders", () => connector.GetWorkingOrdersAsync(account.ExternalId, ct)) ?? [])
        {
            steps.Add(await StepAsync($"Cancel {order.Side} {order.Quantity - order.FilledQuantity} {order.Symbol} {order.Type} ({order.BrokerOrderId})",
                () => connector.CancelOrderAsync(account.ExternalId, order.BrokerOrderId, ct)));
        }

        var liquidated = new List<string>();
        foreach (var position in (await ReadAsync(steps, "Read positions", () => connector.GetPositionsAsync(account.ExternalId, ct)) ?? []).Where(p => p.Quantity != 0))
        {
            var step = await StepAsync($"Liquidate {position.Symbol} ({position.Quantity:+#;-#})", () => connector.LiquidateAsync(account.ExternalId, position.Symbol, clientOrderId, ct));
            steps.Add(step);
            if (step.Succeeded)
            {
                liquidated.Add(position.Symbol);
            }
        }

        if (steps.Count == 0)
        {
            steps.Add(new FlattenStep("Already flat with no working orders", true));
        }

        return new FlattenResult(account.Id, account.DisplayName, steps) { Liquidated = liquidated };
    }

    private static async Task<IReadOnlyList<T>?> ReadAsync<T>(List<FlattenStep> steps, string action, Func<Task<IReadOnlyList<T>>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception ex)
        {
            steps.Add(new FlattenStep(action, false, $"{ex.GetType().Name}: {ex.Message}"));
            return null;
        }
    }

    private static async Task<FlattenStep> StepAsync(string action, Func<Task<OrderResult>> send)
    {
        try
        {
            var result = await send();
            return new FlattenStep(action, result.Accepted, result.RejectReason);
        }
        catch (Exception ex)
        {
            return new FlattenStep(action, false, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
