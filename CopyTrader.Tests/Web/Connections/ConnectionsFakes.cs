using CopyTrader.Infrastructure.Connections;

namespace CopyTrader.Tests.Web.Connections;

/// <summary>Answers the page and forms as the test sets it up, and records what they asked for.</summary>
internal sealed class FakeConnectionService : IBrokerConnectionService
{
    public List<ConnectionSummary> Connections { get; } = [];
    public List<LeaderGroupOption> Groups { get; } = [];
    public IReadOnlyList<string> TradovateEnvironments { get; set; } = ["demo", "live"];

    /// <summary>What a test answers; a pending task keeps the form busy until the test completes it.</summary>
    public Func<ConnectionDraft, Task<ConnectionTestResult>> Test { get; set; } =
        _ => Task.FromResult(ConnectionTestResult.Found([new("SIM-1", "SIM-1"), new("SIM-2", "SIM-2")]));

    public ConnectionChangeResult SaveResult { get; set; } = ConnectionChangeResult.Done(7);
    public ConnectionChangeResult DeleteResult { get; set; } = ConnectionChangeResult.Done(7);

    public List<ConnectionDraft> Tested { get; } = [];
    public List<(ConnectionDraft Draft, IReadOnlyList<AccountChoice> Accounts)> Saved { get; } = [];
    public List<int> Deleted { get; } = [];
    public List<(int Id, string Name)> Renamed { get; } = [];

    public Task<IReadOnlyList<ConnectionSummary>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<ConnectionSummary>>(Connections.ToList());

    public Task<IReadOnlyList<LeaderGroupOption>> ListLeaderGroupsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<LeaderGroupOption>>(Groups.ToList());

    public Task<ConnectionTestResult> TestAsync(ConnectionDraft draft, CancellationToken ct = default)
    {
        Tested.Add(draft);
        return Test(draft);
    }

    public Task<ConnectionChangeResult> SaveAsync(ConnectionDraft draft, IReadOnlyList<AccountChoice> accounts, CancellationToken ct = default)
    {
        Saved.Add((draft, accounts));
        return Task.FromResult(SaveResult);
    }

    public Task<ConnectionChangeResult> RenameAsync(int connectionId, string name, CancellationToken ct = default)
    {
        Renamed.Add((connectionId, name));
        return Task.FromResult(ConnectionChangeResult.Done(connectionId));
    }

    public Task<ConnectionChangeResult> UpdateCredentialsAsync(int connectionId, ConnectionDraft draft, CancellationToken ct = default) =>
        Task.FromResult(ConnectionChangeResult.Refused("Incorrect username or password. Please try again."));

    public Task<ConnectionChangeResult> DeleteAsync(int connectionId, CancellationToken ct = default)
    {
        Deleted.Add(connectionId);
        return Task.FromResult(DeleteResult);
    }
}
