using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Trading;
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
/// no CopyTag, so its fill is copied to the followers by the same hub and engine as any leader trade.
/// </summary>
internal sealed class ManualTicketService(ICopyConfigStore config, ILeaderMonitorHub hub, TimeProvider clock, ILogger<ManualTicketService> logger) : IManualTicketService
{
    public Task<TicketResult> BuyAsync(int leaderAccountId, string symbol, int quantity, CancellationToken ct = default) =>
        SendAsync(leaderAccountId, symbol, quantity, $"Buy {quantity} {symbol}", (c, id) => c.PlaceOrderAsync(new OrderRequest(id, symbol, Side.Buy, quantity), ct));

    public Task<TicketResult> SellAsync(int leaderAccountId, string symbol, int quantity, CancellationToken ct = default) =>
        SendAsync(leaderAccountId, symbol, quantity, $"Sell {quantity} {symbol}", (c, id) => c.PlaceOrderAsync(new OrderRequest(id, symbol, Side.Sell, quantity), ct));

    public Task<TicketResult> CloseAsync(int leaderAccountId, string symbol, CancellationToken ct = default) =>
        SendAsync(leaderAccountId, symbol, 1, $"Close {symbol}", (c, id) => c.LiquidateAsync(id, symbol, null, ct));

    private async Task<TicketResult> SendAsync(int leaderAccountId, string symbol, int quantity, string what, Func<IBrokerConnector, string, Task<OrderResult>> send)
    {
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
        try
        {
            var result = await send(connector!, account!.ExternalId);
            logger.LogInformation("Manual ticket {What} on {Leader}: {Outcome}", what, account.DisplayName, result.Accepted ? result.BrokerOrderId : result.RejectReason);
            return new TicketResult(result.Accepted, result.BrokerOrderId, result.Accepted ? null : result.RejectReason ?? "The broker rejected the order without a reason.")
            {
                LatencyMs = clock.GetElapsedTime(sent).TotalMilliseconds,
            };
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Manual ticket {What} on {Leader} failed", what, account!.DisplayName);
            return TicketResult.Refused($"{ex.GetType().Name}: {ex.Message}") with { LatencyMs = clock.GetElapsedTime(sent).TotalMilliseconds };
        }
    }
}
