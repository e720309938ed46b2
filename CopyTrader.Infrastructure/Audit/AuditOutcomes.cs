using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Infrastructure.Reconciliation;

namespace CopyTrader.Infrastructure.Audit;

/// <summary>The details text of broker operations: what each account's broker answered, in its own words.</summary>
public static class AuditOutcomes
{
    /// <summary>A summary line, then one line per account: what was done, or each failed step with the broker's reason.</summary>
    public static string Flatten(IReadOnlyList<FlattenResult> results)
    {
        if (results.Count == 0)
        {
            return "No accounts to flatten.";
        }

        var failed = results.Count(r => !r.Succeeded);
        var summary = failed == 0
            ? $"{Accounts(results.Count)} flattened."
            : $"{results.Count - failed} of {Accounts(results.Count)} flattened; {failed} failed.";
        return string.Join("\n", results.Select(FlattenLine).Prepend(summary));
    }

    public static string FlattenLine(FlattenResult result) => result.Succeeded
        ? $"'{result.AccountName}': done ({string.Join(", ", result.Steps.Select(s => s.Action))})"
        : $"'{result.AccountName}': FAILED ({string.Join("; ", result.Steps.Where(s => !s.Succeeded).Select(s => $"{s.Action}: {s.Reason ?? "no reason given"}"))})";

    public static string Ticket(TicketOrder order, TicketResult result) => result.Accepted
        ? $"{order}: accepted, broker order {result.BrokerOrderId ?? "without an id"}"
        : $"{order}: rejected: {result.Reason ?? "no reason given"}";

    /// <summary>Each repair order and its answer, or that nothing was needed.</summary>
    public static string Sync(IReadOnlyList<SyncResult> repairs) => repairs.Count == 0
        ? "In sync; nothing sent."
        : string.Join("\n", repairs.Select(r =>
            $"{r.Drift.Symbol} held {r.Drift.Actual}, expected {r.Drift.Expected}: {r.Outcome}" +
            (r.Outcome == CopyOutcome.Accepted ? $", broker order {r.BrokerOrderId ?? "without an id"}" : $": {r.Reason ?? "no reason given"}")));

    private static string Accounts(int count) => count == 1 ? "1 account" : $"{count} accounts";
}
