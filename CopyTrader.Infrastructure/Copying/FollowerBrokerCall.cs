using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>What one request to a follower's broker came to: accepted, rejected (the broker's reason) or failed (the error).</summary>
public sealed record BrokerCallResult(CopyOutcome Outcome, string? BrokerOrderId, string? Reason)
{
    public bool Accepted => Outcome == CopyOutcome.Accepted;
}

/// <summary>
/// Sends one request to a follower's broker within its login's limits and the per-follower timeout, and turns
/// every ending into an explicit result: the broker's rejection, the timeout, or the real exception text.
/// </summary>
internal sealed class FollowerBrokerCall(ConnectionThrottle throttle, TimeProvider clock, IOptions<CopyOptions> options)
{
    public async Task<BrokerCallResult> SendAsync(int connectionId, Func<CancellationToken, Task<OrderResult>> send, CancellationToken stopping)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.FollowerTimeoutSeconds);
        using var timeoutCts = new CancellationTokenSource(timeout, clock);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeoutCts.Token);
        try
        {
            using var slot = await throttle.EnterAsync(connectionId, cts.Token);
            var result = await send(cts.Token).WaitAsync(timeout, clock, cts.Token);
            return result.Accepted
                ? new BrokerCallResult(CopyOutcome.Accepted, result.BrokerOrderId, null)
                : new BrokerCallResult(CopyOutcome.Rejected, null, result.RejectReason ?? "The broker rejected the request without a reason.");
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !stopping.IsCancellationRequested))
        {
            return new BrokerCallResult(CopyOutcome.Failed, null, $"No answer from the broker within {timeout.TotalSeconds:0.#} s; the order may still be working.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new BrokerCallResult(CopyOutcome.Failed, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
