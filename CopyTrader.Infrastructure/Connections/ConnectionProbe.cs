using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Brokers;
using CopyTrader.Infrastructure.Security;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Connections;

/// <summary>
/// Tests a login the way the hub will use it: a connector from the same factory, for a transient connection
/// (id 0, the credentials protected as they would be stored), connected, asked for its accounts, disposed.
/// </summary>
internal sealed class ConnectionProbe(IBrokerConnectorFactory factory, CredentialProtector protector, TimeProvider clock, ILogger<ConnectionProbe> logger)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public async Task<ConnectionTestResult> TestAsync(ConnectionDraft draft, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(draft.Name) ? "(new connection)" : draft.Name.Trim();
        var connection = new ConnectionSnapshot(0, name, draft.Kind, protector.Protect(draft.CredentialsJson()));
        IBrokerConnector connector;
        try
        {
            connector = factory.Create(connection, []);
        }
        catch (Exception ex)
        {
            return ConnectionTestResult.Failed(Describe(ex));
        }

        using var timeout = new CancellationTokenSource(Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var watcher = new ConnectionStateWatcher(connector);
        try
        {
            await connector.ConnectAsync(linked.Token).WaitAsync(linked.Token); // also when a connector ignores the token
            if (await watcher.WaitUntilConnectedAsync(linked.Token) is { } refusal)
            {
                return ConnectionTestResult.Failed(refusal);
            }

            var accounts = await connector.GetAccountsAsync(linked.Token).WaitAsync(linked.Token);
            return accounts.Count == 0
                ? ConnectionTestResult.Failed($"{draft.Kind} accepted the login but lists no accounts for it.")
                : ConnectionTestResult.Found(accounts.Select(a => new DiscoveredAccount(a.AccountId, string.IsNullOrWhiteSpace(a.Name) ? a.AccountId : a.Name)).ToList());
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return ConnectionTestResult.Failed($"No answer from {draft.Kind} within {Timeout.TotalSeconds:0} s{watcher.LastWords}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("Testing {Kind} connection {Name} failed: {Error}", draft.Kind, name, ex.Message);
            return ConnectionTestResult.Failed(Describe(ex));
        }
        finally
        {
            await DisposeAsync(connector, name);
            await watcher.StopAsync();
        }
    }

    /// <summary>The exception's own words, with its causes when they add something.</summary>
    private static string Describe(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (!string.IsNullOrWhiteSpace(e.Message) && !messages.Any(m => m.Contains(e.Message, StringComparison.Ordinal)))
            {
                messages.Add(e.Message.Trim());
            }
        }

        return messages.Count > 0 ? string.Join(" ", messages) : $"{ex.GetType().Name} without a message.";
    }

    private async Task DisposeAsync(IBrokerConnector connector, string name)
    {
        try
        {
            await connector.DisposeAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Disposing the test connector of {Name} failed", name);
        }
    }
}
