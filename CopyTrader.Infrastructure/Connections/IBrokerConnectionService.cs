namespace CopyTrader.Infrastructure.Connections;

/// <summary>
/// Broker connections as the user manages them: test a login before saving it, save it with the accounts it
/// discovered and their copy roles, rename, replace credentials, delete. Refusals come back as messages in the
/// result (validation, copy loops, a broker's own error text); nothing is saved unless all of it can be.
/// Every change reloads the copy configuration, so the hub connects or reconnects without a restart.
/// </summary>
public interface IBrokerConnectionService
{
    Task<IReadOnlyList<ConnectionSummary>> ListAsync(CancellationToken ct = default);

    /// <summary>The copy groups a new follower can join.</summary>
    Task<IReadOnlyList<LeaderGroupOption>> ListLeaderGroupsAsync(CancellationToken ct = default);

    /// <summary>The configured Tradovate environments (live, demo and any custom ones), for the form's select.</summary>
    IReadOnlyList<string> TradovateEnvironments { get; }

    /// <summary>Connects a not yet saved connection, lists its accounts, disconnects; the broker's words on failure.</summary>
    Task<ConnectionTestResult> TestAsync(ConnectionDraft draft, CancellationToken ct = default);

    Task<ConnectionChangeResult> SaveAsync(ConnectionDraft draft, IReadOnlyList<AccountChoice> accounts, CancellationToken ct = default);

    Task<ConnectionChangeResult> RenameAsync(int connectionId, string name, CancellationToken ct = default);

    /// <summary>Tests the new credentials first; stores them only when the login works and still lists the connection's accounts.</summary>
    Task<ConnectionChangeResult> UpdateCredentialsAsync(int connectionId, ConnectionDraft draft, CancellationToken ct = default);

    /// <summary>Refused while any of the connection's accounts is a leader or follower in a copy group.</summary>
    Task<ConnectionChangeResult> DeleteAsync(int connectionId, CancellationToken ct = default);
}
