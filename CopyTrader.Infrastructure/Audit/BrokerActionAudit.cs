using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Audit;

/// <summary>Records what a broker operation did, after it did it.</summary>
internal static class BrokerActionAudit
{
    /// <summary>
    /// Runs <paramref name="operation"/>, then records its outcome; an operation that throws part way is recorded as
    /// interrupted (with the error) and the exception goes on to the caller.
    /// </summary>
    public static async Task<T> AuditedAsync<T>(
        this IAuditTrail trail, Func<Task<T>> operation, Func<T, AuditRecord> outcome, Func<string, AuditRecord> interrupted, ILogger logger)
    {
        T result;
        try
        {
            result = await operation();
        }
        catch (Exception ex)
        {
            await trail.RecordAfterBrokerAsync(interrupted($"Interrupted: {ex.GetType().Name}: {ex.Message}. Orders sent before this may have been carried out; check the accounts."), logger);
            throw;
        }

        await trail.RecordAfterBrokerAsync(outcome(result), logger);
        return result;
    }

    /// <summary>
    /// The operation has happened at the broker whatever the caller's token says now, so this write is not
    /// cancelled with it. If the database refuses the entry, the operation's result still goes back to the user
    /// (hiding a flatten that happened would be worse); the entry goes to the error log in full instead.
    /// </summary>
    public static async Task RecordAfterBrokerAsync(this IAuditTrail trail, AuditRecord record, ILogger logger)
    {
        try
        {
            await trail.RecordAsync(record, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The audit trail refused an entry; it is kept here instead: {Action} {Subject}: {Details}", record.Action, record.Subject, record.Details);
        }
    }
}
