using System.Collections.Immutable;
using CopyTrader.Domain;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Infrastructure.Reconciliation;
using CopyTrader.Infrastructure.Users;

namespace CopyTrader.Tests.Web;

internal sealed class FakeHub : ILeaderMonitorHub
{
    private readonly Dictionary<int, AccountState> _states = [];

    public event Action<LeaderFill>? LeaderFillReceived;
    public event Action<AccountState>? AccountStateChanged;
    public event Action<IReadOnlyCollection<int>>? SnapshotCompleted;
    public event Action<AccountOrderUpdate>? OrderUpdated;

    public int Subscribers => (AccountStateChanged?.GetInvocationList().Length ?? 0) + (LeaderFillReceived?.GetInvocationList().Length ?? 0)
        + (SnapshotCompleted?.GetInvocationList().Length ?? 0) + (OrderUpdated?.GetInvocationList().Length ?? 0);

    public IReadOnlyDictionary<string, int> LeaderPositions(int accountId) => new Dictionary<string, int>();

    public IReadOnlyCollection<AccountState> Accounts => _states.Values;

    public AccountState? AccountStateOf(int accountId) => _states.GetValueOrDefault(accountId);

    public IBrokerConnector? ConnectorFor(int accountId) => null;

    public void Publish(AccountState state)
    {
        _states[state.AccountId] = state;
        AccountStateChanged?.Invoke(state);
    }

    public static AccountState State(int id, string name, params BrokerPosition[] positions) =>
        new(id, name, "Simulator (demo)", BrokerConnectionState.Connected, null, new AccountBalance(50_000m, 0m, 0m),
            positions.ToImmutableDictionary(p => p.Symbol));
}

internal sealed class FakeEngine : ICopyEngine
{
    public event Action<CopyLogEntry>? CopyCompleted;

    public int Subscribers => CopyCompleted?.GetInvocationList().Length ?? 0;

    public void Complete(CopyLogEntry entry) => CopyCompleted?.Invoke(entry);
}

internal sealed class FakeConfigStore(CopyConfigSnapshot snapshot) : ICopyConfigStore
{
    public CopyConfigSnapshot Current { get; private set; } = snapshot;

    public event Action<CopyConfigSnapshot>? Changed;

    public int Subscribers => Changed?.GetInvocationList().Length ?? 0;

    public Task ReloadAsync(CancellationToken ct = default) => Task.CompletedTask;

    public void Replace(CopyConfigSnapshot snapshot)
    {
        Current = snapshot;
        Changed?.Invoke(snapshot);
    }
}

internal sealed class FakeCopyLogReader(params CopyLogEntry[] entries) : ICopyLogReader
{
    public Task<IReadOnlyList<CopyLogEntry>> RecentAsync(int count, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<CopyLogEntry>>(entries.Take(count).ToList());
}

/// <summary>Records the switches the cockpit flips (followers, groups' auto-copy); the cockpit changes nothing else.</summary>
internal sealed class RecordingConfigurationService : ICopyConfigurationService
{
    public List<(int FollowerId, bool Enabled)> Calls { get; } = [];

    public List<(int GroupId, GroupOptions Options)> GroupCalls { get; } = [];

    /// <summary>When set, every switch is refused with this message, as the real service refuses.</summary>
    public string? Refusal { get; set; }

    public Task SetFollowerEnabledAsync(int followerId, bool enabled, CancellationToken ct = default)
    {
        Refuse();
        Calls.Add((followerId, enabled));
        return Task.CompletedTask;
    }

    public Task SetGroupOptionsAsync(int groupId, GroupOptions options, CancellationToken ct = default)
    {
        Refuse();
        GroupCalls.Add((groupId, options));
        return Task.CompletedTask;
    }

    public Task<int> CreateGroupAsync(string name, int leaderAccountId, bool autoCopyEnabled, CancellationToken ct = default) => Unexpected<int>();

    public Task<int> AddFollowerAsync(int groupId, int accountId, FollowerRule rule, CancellationToken ct = default) => Unexpected<int>();

    public Task UpdateFollowerRuleAsync(int followerId, FollowerRule rule, CancellationToken ct = default) => Unexpected<int>();

    public Task SetFollowerReceivesWebhookOrdersAsync(int followerId, bool receives, CancellationToken ct = default) => Unexpected<int>();

    private void Refuse()
    {
        if (Refusal is not null)
        {
            throw new CopyTraderDomainException(Refusal);
        }
    }

    private static Task<T> Unexpected<T>() => throw new InvalidOperationException("The cockpit only flips followers and auto-copy.");
}

/// <summary>Records which flatten ran; answers with <see cref="Results"/>, or throws <see cref="Failure"/>; <see cref="Gate"/> holds it open.</summary>
internal sealed class FakeFlattenService : IFlattenService
{
    public List<string> Calls { get; } = [];

    public IReadOnlyList<FlattenResult> Results { get; set; } = [];

    public Exception? Failure { get; set; }

    public TaskCompletionSource? Gate { get; set; }

    public async Task<FlattenResult> FlattenAccountAsync(int accountId, CancellationToken ct = default) =>
        (await RunAsync($"account {accountId}"))[0];

    public Task<IReadOnlyList<FlattenResult>> FlattenGroupAsync(int groupId, CancellationToken ct = default) => RunAsync($"group {groupId}");

    /// <summary>Recorded like the whole group's; <see cref="LastScope"/> says whose view it ran with.</summary>
    public Task<IReadOnlyList<FlattenResult>> FlattenGroupAsync(UserScope scope, int groupId, CancellationToken ct = default)
    {
        LastScope = scope;
        return RunAsync($"group {groupId}");
    }

    public UserScope? LastScope { get; private set; }

    public Task<IReadOnlyList<FlattenResult>> FlattenAllAsync(CancellationToken ct = default) => RunAsync("all");

    private async Task<IReadOnlyList<FlattenResult>> RunAsync(string call)
    {
        Calls.Add(call);
        if (Gate is not null)
        {
            await Gate.Task;
        }

        return Failure is null ? Results : throw Failure;
    }
}

internal sealed class FakeReconciliation : IReconciliationService
{
    public ReconciliationReport Latest { get; private set; } = ReconciliationReport.None;

    public event Action<ReconciliationReport>? Reconciled;

    public int Subscribers => Reconciled?.GetInvocationList().Length ?? 0;

    public List<int> Synced { get; } = [];

    public void Publish(ReconciliationReport report)
    {
        Latest = report;
        Reconciled?.Invoke(report);
    }

    public Task<ReconciliationReport> ReconcileAsync(CancellationToken ct = default) => Task.FromResult(Latest);

    public Task<IReadOnlyList<SyncResult>> SyncFollowerAsync(int followerId, CancellationToken ct = default)
    {
        Synced.Add(followerId);
        return Task.FromResult<IReadOnlyList<SyncResult>>([]);
    }
}
