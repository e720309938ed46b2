using System.Collections.Immutable;
using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Operations;

namespace CopyTrader.Tests.Web.Ticket;

/// <summary>A hub the ticket tests drive: account states for the quick picks and live leader fills.</summary>
internal sealed class FakeTicketHub : ILeaderMonitorHub
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

    public void Publish(int accountId, string name, params BrokerPosition[] positions)
    {
        var state = new AccountState(accountId, name, "Simulator (demo)", BrokerConnectionState.Connected, null, new AccountBalance(50_000m, 0m, 0m),
            positions.ToImmutableDictionary(p => p.Symbol));
        _states[accountId] = state;
        AccountStateChanged?.Invoke(state);
    }

    public void Fill(LeaderFill fill) => LeaderFillReceived?.Invoke(fill);
}

/// <summary>Records what the page asked for and answers what the test says (by default: accepted as SIM-O1).</summary>
internal sealed class FakeTicketService : IManualTicketService
{
    public List<(string Action, int LeaderAccountId, string Symbol, int Quantity)> Calls { get; } = [];

    public Func<Task<TicketResult>> Answer { get; set; } = () => Task.FromResult(new TicketResult(true, "SIM-O1", null) { LatencyMs = 4.2 });

    public Task<TicketResult> BuyAsync(int leaderAccountId, string symbol, int quantity, CancellationToken ct = default) =>
        Record("Buy", leaderAccountId, symbol, quantity);

    public Task<TicketResult> SellAsync(int leaderAccountId, string symbol, int quantity, CancellationToken ct = default) =>
        Record("Sell", leaderAccountId, symbol, quantity);

    public Task<TicketResult> CloseAsync(int leaderAccountId, string symbol, CancellationToken ct = default) =>
        Record("Close", leaderAccountId, symbol, 0);

    private Task<TicketResult> Record(string action, int leaderAccountId, string symbol, int quantity)
    {
        Calls.Add((action, leaderAccountId, symbol, quantity));
        return Answer();
    }
}
