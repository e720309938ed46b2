using System.Collections.Concurrent;
using System.Collections.Immutable;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Brokers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// Singleton owner of every broker connection that a copy group uses. Per event: keeps account state for
/// the cockpit, and passes on live leader fills after three filters: history (snapshot / initial sync) is
/// never copied, a fill id is copied once, and fills of our own copies (CopyTag) are never copied back.
/// </summary>
internal sealed class LeaderMonitorHub(
    ICopyConfigStore config,
    IBrokerConnectorFactory connectorFactory,
    CopyTagRegistry copyTags,
    FillLedger ledger,
    TimeProvider clock,
    ILogger<LeaderMonitorHub> logger) : BackgroundService, ILeaderMonitorHub
{
    private readonly ConcurrentDictionary<int, ConnectionRuntime> _connections = new();
    private readonly ConcurrentDictionary<int, AccountState> _accounts = new();
    private readonly ConcurrentDictionary<(int Account, string Symbol), int> _leaderNet = new();
    private readonly FillDeduplicator _dedup = new();
    private readonly SemaphoreSlim _syncGate = new(1, 1);
    private CancellationToken _stopping;

    public event Action<LeaderFill>? LeaderFillReceived;

    public event Action<AccountState>? AccountStateChanged;

    public event Action<IReadOnlyCollection<int>>? SnapshotCompleted;

    public event Action<AccountOrderUpdate>? OrderUpdated;

    public IReadOnlyDictionary<string, int> LeaderPositions(int accountId) =>
        _leaderNet.Where(p => p.Key.Account == accountId && p.Value != 0).ToDictionary(p => p.Key.Symbol, p => p.Value, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<AccountState> Accounts => _accounts.Values.OrderBy(a => a.AccountId).ToList();

    public AccountState? AccountStateOf(int accountId) => _accounts.GetValueOrDefault(accountId);

    public IBrokerConnector? ConnectorFor(int accountId)
    {
        var account = config.Current.Account(accountId);
        return account is not null
            && _connections.TryGetValue(account.ConnectionId, out var runtime)
            && BrokerReadiness.CanTrade(runtime.Connector)
                ? runtime.Connector
                : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        config.Changed += OnConfigChanged;
        try
        {
            await SyncConnectionsAsync(config.Current);
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            config.Changed -= OnConfigChanged;
            foreach (var runtime in _connections.Values)
            {
                await runtime.Connector.DisposeAsync();
            }
        }
    }

    private void OnConfigChanged(CopyConfigSnapshot snapshot) => _ = SyncConnectionsAsync(snapshot);

    /// <summary>
    /// Connects every connection that serves an account of a copy group, and reconnects one whose set of
    /// accounts changed (its new snapshot then seeds the new accounts).
    /// </summary>
    private async Task SyncConnectionsAsync(CopyConfigSnapshot snapshot)
    {
        await _syncGate.WaitAsync(_stopping);
        try
        {
            var used = snapshot.Groups.SelectMany(g => g.Followers.Select(f => f.AccountId).Append(g.LeaderAccountId)).ToHashSet();
            foreach (var connection in snapshot.Connections)
            {
                var accounts = snapshot.Accounts.Where(a => a.ConnectionId == connection.Id && used.Contains(a.Id)).ToList();
                if (_connections.TryGetValue(connection.Id, out var running))
                {
                    if (running.Connection.ProtectedCredentials == connection.ProtectedCredentials
                        && running.AccountIds.Values.ToHashSet().SetEquals(accounts.Select(a => a.Id)))
                    {
                        continue;
                    }

                    logger.LogInformation("Accounts or credentials of {Connection} changed; reconnecting it", connection.Name);
                    _connections.TryRemove(connection.Id, out _);
                    await running.Connector.DisposeAsync();
                }

                if (accounts.Count > 0)
                {
                    await ConnectAsync(connection, accounts);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Syncing broker connections failed");
        }
        finally
        {
            _syncGate.Release();
        }
    }

    private async Task ConnectAsync(ConnectionSnapshot connection, IReadOnlyList<AccountSnapshot> accounts)
    {
        foreach (var account in accounts)
        {
            Publish(new AccountState(account.Id, account.DisplayName, connection.Name, BrokerConnectionState.Connecting, null, null, ImmutableDictionary<string, BrokerPosition>.Empty));
        }

        IBrokerConnector connector;
        try
        {
            connector = connectorFactory.Create(connection, accounts.Select(a => a.ExternalId).ToList());
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Cannot create a connector for {Connection}", connection.Name);
            SetConnectionState(accounts.Select(a => a.Id), BrokerConnectionState.Failed, ex.Message);
            return;
        }

        var runtime = new ConnectionRuntime(connection, connector, accounts.ToDictionary(a => a.ExternalId, a => a.Id, StringComparer.OrdinalIgnoreCase));
        _connections[connection.Id] = runtime;
        _ = Task.Run(() => PumpAsync(runtime), _stopping);
        try
        {
            await connector.ConnectAsync(_stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Connecting {Connection} failed", connection.Name);
            SetConnectionState(runtime.AccountIds.Values, BrokerConnectionState.Failed, ex.Message);
        }
    }

    private async Task PumpAsync(ConnectionRuntime runtime)
    {
        await foreach (var e in runtime.Connector.Events.ReadAllAsync(_stopping))
        {
            try
            {
                Handle(runtime, e);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Handling {Event} from {Connection} failed", e, runtime.Connection.Name);
            }
        }
    }

    private void Handle(ConnectionRuntime runtime, BrokerEvent e)
    {
        if (!ReferenceEquals(_connections.GetValueOrDefault(runtime.Connection.Id), runtime))
        {
            return; // a replaced connection's last words (its "disconnected") must not overwrite the new one's state
        }

        switch (e)
        {
            case ConnectionStateEvent s:
                if (s.State == BrokerConnectionState.Connected)
                {
                    StartSnapshot(runtime); // a (re)connect: the broker's snapshot that follows is the truth
                }

                SetConnectionState(runtime.AccountIds.Values, s.State, s.Reason);
                break;
            case ConnectionNoticeEvent n:
                foreach (var id in runtime.AccountIds.Values)
                {
                    Update(id, a => a with { Notice = n.Notice });
                }

                break;
            case SnapshotCompleteEvent:
                runtime.Live = true;
                EventRaiser.Raise(SnapshotCompleted, runtime.AccountIds.Values, logger);
                break;
            case BalanceUpdateEvent b when runtime.AccountIds.TryGetValue(b.AccountId, out var id):
                Update(id, a => a with { Balance = b.Balance });
                break;
            case PositionUpdateEvent p when runtime.AccountIds.TryGetValue(p.AccountId, out var id):
                if (!runtime.Live)
                {
                    _leaderNet[(id, p.Position.Symbol)] = p.Position.Quantity; // the position we start from
                }

                Update(id, a => a with
                {
                    Positions = p.Position.Quantity == 0 ? a.Positions.Remove(p.Position.Symbol) : a.Positions.SetItem(p.Position.Symbol, p.Position),
                });
                break;
            case OrderUpdateEvent o when runtime.Live && !o.IsSnapshot && runtime.AccountIds.TryGetValue(o.AccountId, out var id):
                EventRaiser.Raise(OrderUpdated, new AccountOrderUpdate(id, o.Order, _leaderNet.GetValueOrDefault((id, o.Order.Symbol))), logger);
                break;
            case FillEvent f when runtime.AccountIds.TryGetValue(f.AccountId, out var id):
                OnFill(runtime, id, f);
                break;
        }
    }

    private void StartSnapshot(ConnectionRuntime runtime)
    {
        runtime.Live = false;
        var accounts = runtime.AccountIds.Values.ToHashSet();
        foreach (var key in _leaderNet.Keys.Where(k => accounts.Contains(k.Account)))
        {
            _leaderNet.TryRemove(key, out _);
        }
    }

    private void OnFill(ConnectionRuntime runtime, int accountId, FillEvent fill)
    {
        var isHistory = fill.IsSnapshot || !runtime.Live;
        var isLeader = config.Current.IsLeader(accountId);
        var verdict = LeaderFillFilter.Classify(
            isHistory,
            firstTimeSeen: !isHistory && (isLeader ? ledger.FirstTime(accountId, fill.FillId) : _dedup.FirstTime(accountId, fill.FillId)),
            isOwnCopy: CopyTag.IsCopyTag(fill.ClientOrderId) || copyTags.IsOurs(fill.ClientOrderId, fill.BrokerOrderId));

        var key = (accountId, fill.Symbol);
        var before = _leaderNet.GetValueOrDefault(key);
        var after = verdict.MovesPosition() ? before + fill.Side.Sign() * fill.Quantity : before;
        _leaderNet[key] = after;

        if (!isLeader)
        {
            return;
        }

        if (verdict != LeaderFillVerdict.Copy)
        {
            // Debug, not Information: a session replay brings thousands of these at once.
            logger.LogDebug("Fill {FillId} on leader {AccountId} not copied: {Verdict} ({ClientOrderId})", fill.FillId, accountId, verdict, fill.ClientOrderId);
            return;
        }

        EventRaiser.Raise(LeaderFillReceived, new LeaderFill(accountId, fill, after, clock.GetTimestamp()), logger);
    }

    private void SetConnectionState(IEnumerable<int> accountIds, BrokerConnectionState state, string? reason)
    {
        foreach (var id in accountIds)
        {
            Update(id, a => a with { ConnectionState = state, ConnectionReason = reason });
        }
    }

    private void Update(int accountId, Func<AccountState, AccountState> change)
    {
        if (_accounts.TryGetValue(accountId, out var current))
        {
            Publish(change(current));
        }
    }

    private void Publish(AccountState state)
    {
        _accounts[state.AccountId] = state;
        EventRaiser.Raise(AccountStateChanged, state, logger);
    }

    private sealed class ConnectionRuntime(ConnectionSnapshot connection, IBrokerConnector connector, Dictionary<string, int> accountIds)
    {
        public ConnectionSnapshot Connection { get; } = connection;
        public IBrokerConnector Connector { get; } = connector;

        /// <summary>Broker account id → our account id.</summary>
        public Dictionary<string, int> AccountIds { get; } = accountIds;

        /// <summary>Set once the initial snapshot is over; fills before it are history.</summary>
        public volatile bool Live;

    }
}
