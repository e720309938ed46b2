using CopyTrader.Domain.Brokers;

namespace CopyTrader.Infrastructure.Connections;

/// <summary>
/// Reads a test connector's events (it is their only reader) to learn how its connect ended: connected, or
/// refused with the reason the broker gave. A connector that retries after a refused login counts as refused.
/// </summary>
internal sealed class ConnectionStateWatcher
{
    private readonly IBrokerConnector _connector;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<string?> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private volatile ConnectionStateEvent? _last;

    public ConnectionStateWatcher(IBrokerConnector connector)
    {
        _connector = connector;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>The connector's state for a timeout message, with the reason it last gave for it: "; last state Connecting".</summary>
    public string LastWords =>
        $"; last state {_connector.State}{(_last is { Reason.Length: > 0 } s && s.State == _connector.State ? $": {s.Reason}" : "")}";

    /// <summary>Null once connected; otherwise why not.</summary>
    public async Task<string?> WaitUntilConnectedAsync(CancellationToken ct) =>
        _connector.State == BrokerConnectionState.Connected ? null : await _outcome.Task.WaitAsync(ct);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var e in _connector.Events.ReadAllAsync(_stop.Token))
            {
                if (e is ConnectionStateEvent state)
                {
                    _last = state;
                    Settle(state);
                }
            }

            _outcome.TrySetResult($"The {_connector.Kind} connection closed before it was connected{LastWords}.");
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            _outcome.TrySetResult($"The test stopped before the {_connector.Kind} connection was connected{LastWords}.");
        }
        catch (Exception ex)
        {
            _outcome.TrySetResult(ex.Message);
        }
    }

    private void Settle(ConnectionStateEvent state)
    {
        switch (state.State)
        {
            case BrokerConnectionState.Connected:
                _outcome.TrySetResult(null);
                break;
            case BrokerConnectionState.Failed or BrokerConnectionState.Reconnecting or BrokerConnectionState.Disconnected:
                _outcome.TrySetResult(state.Reason is { Length: > 0 } reason
                    ? reason
                    : $"The {_connector.Kind} connection went {state.State} without a reason from the broker.");
                break;
        }
    }
}
