using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CopyTrader.Tests.Infrastructure.Audit.AuditRows;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>Connection changes leave one entry each, with the roles the accounts got and never a credential.</summary>
public sealed class ConnectionAuditTests : IAsyncLifetime
{
    private static readonly ConnectionDraft Paper = new("Paper", BrokerKind.Simulator);

    private PipelineHost _app = default!;

    private IBrokerConnectionService Service => _app.Services.GetRequiredService<IBrokerConnectionService>();

    public async Task InitializeAsync() => _app = await PipelineHost.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SavingRecordsWhatEachAccountBecame()
    {
        var demo = (await Service.ListLeaderGroupsAsync()).Single();
        using var alice = ActAs(_app, Alice);

        Ok(await Service.SaveAsync(Paper,
        [
            new AccountChoice("SIM-1", "Alpha", AccountRole.Leader),
            new AccountChoice("SIM-2", "Beta", AccountRole.Follower, FollowTarget.NewLeader("SIM-1")),
            new AccountChoice("SIM-3", "Gamma", AccountRole.LeaderAndFollower, FollowTarget.Group(demo.GroupId)),
            new AccountChoice("SIM-4", "", AccountRole.None),
        ]));

        var entry = await SingleAsync(_app);
        AssertBy(Alice, entry);
        Assert.Equal((AuditActions.ConnectionAdded, "Connection 'Paper' (Simulator)"), (entry.Action, entry.Subject));
        Assert.Equal(
            "Broker Simulator; accounts: 'Alpha' (SIM-1) leads new group 'Alpha' (auto-copy off); 'Beta' (SIM-2) follows group 'Alpha' ×1; " +
            "'Gamma' (SIM-3) leads new group 'Gamma' (auto-copy off) and follows group 'Demo' ×1; 'SIM-4' (SIM-4) saved without a copy role",
            entry.Details);
    }

    [Fact]
    public async Task ATradovateLoginIsNamedByItsEnvironmentOnly()
    {
        var login = new TradovateConnectionSettings("demo", "trader-name", "hunter2-very-secret", "CopyTrader", "1.0", 1234, "sec-do-not-show");

        Ok(await Service.SaveAsync(new ConnectionDraft("Apex", BrokerKind.Tradovate, login), [new AccountChoice("1001", "Evaluation", AccountRole.None)]));

        var entry = await SingleAsync(_app);
        Assert.Equal("Broker Tradovate, environment demo; accounts: 'Evaluation' (1001) saved without a copy role", entry.Details);
        Assert.All(new[] { "hunter2", "sec-do-not-show", "trader-name", "1234" }, secret => Assert.DoesNotContain(secret, entry.Subject + entry.Details));
    }

    [Fact]
    public async Task RenameNewCredentialsAndDeleteAreRecorded()
    {
        var id = Ok(await Service.SaveAsync(Paper, [new AccountChoice("SIM-4", "Spare", AccountRole.None)]));

        Ok(await Service.RenameAsync(id, " Paper two "));
        Ok(await Service.UpdateCredentialsAsync(id, Paper));
        Ok(await Service.DeleteAsync(id));

        var entries = (await AllAsync(_app)).Skip(1).ToList();
        Assert.Equal(
            [
                (AuditActions.ConnectionRenamed, "Connection 'Paper two' (Simulator)", "Name 'Paper' → 'Paper two'"),
                (AuditActions.ConnectionCredentialsReplaced, "Connection 'Paper two' (Simulator)", "Credentials replaced; the new login was tested and lists 4 accounts."),
                (AuditActions.ConnectionDeleted, "Connection 'Paper two' (Simulator)", "Deleted with its accounts: 'Spare' (SIM-4)"),
            ],
            entries.Select(e => (e.Action, e.Subject, e.Details)));
    }

    [Fact]
    public async Task RefusalsWriteNoEntry()
    {
        var demo = (await Service.ListAsync()).Single();

        Assert.False((await Service.SaveAsync(Paper with { Name = "simulator (DEMO)" }, [new AccountChoice("SIM-1", "SIM-1", AccountRole.None)])).Succeeded);
        Assert.False((await Service.SaveAsync(Paper,
        [
            new AccountChoice("SIM-1", "Alpha", AccountRole.LeaderAndFollower, FollowTarget.NewLeader("SIM-2")),
            new AccountChoice("SIM-2", "Beta", AccountRole.LeaderAndFollower, FollowTarget.NewLeader("SIM-1")),
        ])).Succeeded);
        Assert.False((await Service.DeleteAsync(demo.Id)).Succeeded);
        Assert.False((await Service.UpdateCredentialsAsync(demo.Id, Paper)).Succeeded);

        Assert.Empty(await AllAsync(_app));
    }

    private static int Ok(ConnectionChangeResult result)
    {
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.ConnectionId!.Value;
    }
}
