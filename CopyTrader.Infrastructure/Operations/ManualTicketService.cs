using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Copying;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Operations;

/// <summary>
/// The leader order's outcome; followers receive their copies through the engine as the fill arrives, and
/// <see cref="BrokerOrderId"/> is what ties the leader's fills (and so the copies) to the ticket.
/// </summary>
public sealed record TicketResult(bool Accepted, string? BrokerOrderId, string? Reason)
{
    /// <summary>From sending the leader order to the broker's answer; null when nothing was sent.</summary>
    public double? LatencyMs { get; init; }

    public static TicketResult Refused(string reason) => new(false, null, reason);
}

public interface IManualTicketService
{
    Task<TicketResult> BuyAsync(int leaderAccountId, string symbol, int quantity, CancellationToken ct = default);

    Task<TicketResult> SellAsync(int leaderAccountId, string symbol, int quantity, CancellationToken ct = default);

    /// <summary>Closes the leader's position in the symbol; "no position" is the broker's refusal, never a success.</summary>
    Task<TicketResult> CloseAsync(int leaderAccountId, string symbol, CancellationToken ct = default);
}

/// <summary>
/// BUY / SELL / CLOSE on a leader, sent straight to its broker (no HTTP call to ourselves). The order carries
/// no CopyTag, so its fill is copied to the followers by the same hub and engine as any leader trade. Every order
/// sent is recorded in the audit trail with the broker's answer; a ticket refused before sending sends nothing and
/// records nothing.
/// </summary>
internal sealed class ManualTicketService(ICopyConfigStore config, ILeaderMonitorHub hub, IAuditTrail audit, TimeProvider clock, ILogger<ManualTicketService> logger) : IManualTicketService
{
    public Task<TicketResult> BuyAsync(int leaderAccountId, string symbol, int quantity, CancellationToken ct = default) =>
        SendAsync(new TicketOrder(leaderAccountId, symbol, TicketAction.Buy, quantity), (c, id) => c.PlaceOrderAsync(new OrderRequest(id, symbol, Side.Buy, quantity), ct));

    public Task<TicketResult> SellAsync(int leaderAccountId, string symbol, int quantity, CancellationToken ct = default) =>
        SendAsync(new TicketOrder(leaderAccountId, symbol, TicketAction.Sell, quantity), (c, id) => c.PlaceOrderAsync(new OrderRequest(id, symbol, Side.Sell, quantity), ct));

    public Task<TicketResult> CloseAsync(int leaderAccountId, string symbol, CancellationToken ct = default) =>
        SendAsync(new TicketOrder(leaderAccountId, symbol, TicketAction.Close, 1), (c, id) => c.LiquidateAsync(id, symbol, null, ct));

    private async Task<TicketResult> SendAsync(TicketOrder order, Func<IBrokerConnector, string, Task<OrderResult>> send)
    {
        var (leaderAccountId, symbol, quantity) = (order.LeaderAccountId, order.Symbol, order.Quantity);
        var what = order.ToString();
        var snapshot = config.Current;
        var account = snapshot.Account(leaderAccountId);
        var connector = hub.ConnectorFor(leaderAccountId);
        var refusal = account is null ? $"Trading account {leaderAccountId} does not exist."
            : !snapshot.IsLeader(leaderAccountId) ? $"'{account.DisplayName}' leads no copy group; tickets go to a leader."
            : string.IsNullOrWhiteSpace(symbol) ? "Choose a contract."
            : quantity < 1 ? $"Quantity must be at least 1 (got {quantity})."
            : connector is null ? BrokerConnectionText.NotConnected(account.DisplayName)
            : null;
        if (refusal is not null)
        {
            return TicketResult.Refused(refusal);
        }

        var sent = clock.GetTimestamp();
        TicketResult ticket;
        try
        {
            var result = await send(connector!, account!.ExternalId);
            logger.LogInformation("Manual ticket {What} on {Leader}: {Outcome}", what, account.DisplayName, result.Accepted ? result.BrokerOrderId : result.RejectReason);
            ticket = new TicketResult(result.Accepted, result.BrokerOrderId, result.Accepted ? null : result.RejectReason ?? "The broker rejected the order without a reason.")
            {
                LatencyMs = clock.GetElapsedTime(sent).TotalMilliseconds,
            };
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Manual ticket {What} on {Leader} failed", what, account!.DisplayName);
            ticket = TicketResult.Refused($"{ex.GetType().Name}: {ex.Message}") with { LatencyMs = clock.GetElapsedTime(sent).TotalMilliseconds };
        }

        var action = order.Action switch { TicketAction.Buy => AuditActions.TicketBuy, TicketAction.Sell => AuditActions.TicketSell, _ => AuditActions.TicketClose };
        await audit.RecordAfterBrokerAsync(new AuditRecord(action, AuditSubjects.Leader(account!.DisplayName), AuditOutcomes.Ticket(order, ticket))
        {
            AccountId = leaderAccountId,
        }, logger);
        return ticket;
    }
}
