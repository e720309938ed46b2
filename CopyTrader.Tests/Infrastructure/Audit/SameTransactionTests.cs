using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.ApiKeys;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CopyTrader.Tests.Infrastructure.Audit.AuditRows;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>
/// A change and its audit entry are committed together: when the database refuses the entry (a trigger here), the
/// change is not kept either. A broker operation cannot be undone, so its result still comes back.
/// </summary>
public sealed class SameTransactionTests : IAsyncLifetime
{
    private const string Refusal = "the audit disk is full";

    private PipelineHost _app = default!;

    private CopyGroupSnapshot Demo => _app.Config.Current.Groups.Single();

    public async Task InitializeAsync()
    {
        _app = await PipelineHost.StartAsync();
        await _app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            $"CREATE TRIGGER refuse_audit BEFORE INSERT ON AuditTrail BEGIN SELECT RAISE(ABORT, '{Refusal}'); END;"));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AFormChangeIsNotSavedWithoutItsEntry()
    {
        var follower = Demo.Followers[0];

        var result = await _app.Services.GetRequiredService<ICopySetupService>()
            .UpdateFollowerAsync(follower.Id, new FollowerSettings(true, FollowerRule.Default with { Multiplier = 7m }, FollowerRiskLimits.None));

        Assert.Contains(Refusal, Assert.Single(result.Errors));
        Assert.Equal(1m, await _app.WithDbAsync(db => db.Followers.Where(f => f.Id == follower.Id).Select(f => f.Multiplier).SingleAsync()));
    }

    [Fact]
    public async Task ACockpitToggleIsNotSavedWithoutItsEntry()
    {
        var follower = Demo.Followers[0];
        var configuration = _app.Services.GetRequiredService<ICopyConfigurationService>();

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => configuration.SetFollowerEnabledAsync(follower.Id, false));
        await Assert.ThrowsAsync<DbUpdateException>(() => configuration.CreateGroupAsync("Gold", _app.AccountId("DEMO-F1"), true));

        Assert.Contains(Refusal, error.GetBaseException().Message);
        Assert.True(await _app.WithDbAsync(db => db.Followers.Where(f => f.Id == follower.Id).Select(f => f.Enabled).SingleAsync()));
        Assert.Equal(1, await _app.WithDbAsync(db => db.CopyGroups.CountAsync()));
    }

    [Fact]
    public async Task ConnectionChangesAreNotSavedWithoutTheirEntry()
    {
        var connections = _app.Services.GetRequiredService<IBrokerConnectionService>();
        var demo = (await connections.ListAsync()).Single();

        await Assert.ThrowsAsync<DbUpdateException>(() => connections.RenameAsync(demo.Id, "Renamed"));
        await Assert.ThrowsAsync<DbUpdateException>(() => connections.SaveAsync(new ConnectionDraft("Paper", BrokerKind.Simulator), [new AccountChoice("SIM-1", "SIM-1", AccountRole.Leader)]));

        Assert.Equal(["Simulator (demo)"], await _app.WithDbAsync(db => db.BrokerConnections.Select(c => c.Name).ToListAsync()));
        Assert.Equal((4, 1), await _app.WithDbAsync(async db => (await db.TradingAccounts.CountAsync(), await db.CopyGroups.CountAsync())));
    }

    [Fact]
    public async Task AnApiKeyIsNotCreatedWithoutItsEntry()
    {
        await _app.WithDbAsync(db =>
        {
            db.Users.Add(new AppUser { Id = "user-alice", UserName = "alice@example.com" });
            return db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => _app.Services.GetRequiredService<IApiKeyService>().CreateAsync("user-alice", "script"));

        Assert.Equal(0, await _app.WithDbAsync(db => db.ApiKeys.CountAsync()));
    }

    [Fact]
    public async Task AFlattenThatHappenedIsStillReportedWhenItsEntryIsRefused()
    {
        _app.Exchange.Place(new OrderRequest(PipelineHost.Leader, "MNQZ6", Side.Buy, 1));
        await _app.WaitForCopiesAsync(3);

        var results = await _app.Services.GetRequiredService<IFlattenService>().FlattenGroupAsync(Demo.Id);

        Assert.Equal(4, results.Count(r => r.Succeeded));
        Assert.Equal(0, _app.PositionOf(PipelineHost.Leader, "MNQZ6"));
        Assert.Empty(await AllAsync(_app));
    }
}
