using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CopyTrader.Tests.Infrastructure.Audit.AuditRows;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>Each write of the configuration forms leaves one entry saying who changed what, before → after; a refusal leaves none.</summary>
public sealed class CopySetupAuditTests : IAsyncLifetime
{
    private static readonly FollowerSettings Plain = new(true, FollowerRule.Default, FollowerRiskLimits.None);

    private PipelineHost _app = default!;

    private ICopySetupService Service => _app.Services.GetRequiredService<ICopySetupService>();

    private CopyGroupSnapshot Demo => _app.Config.Current.Groups.Single(g => g.Name == "Demo");

    public async Task InitializeAsync() => _app = await PipelineHost.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheTrailStartsEmpty() => Assert.Empty(await AllAsync(_app));

    [Fact]
    public async Task UpdatingAFollowerRecordsEveryChangedFieldBeforeAndAfter()
    {
        var follower = Demo.Followers.Single(f => f.AccountId == _app.AccountId("DEMO-F1"));
        using var alice = ActAs(_app, Alice);

        Ok(await Service.UpdateFollowerAsync(follower.Id, new FollowerSettings(true, FollowerRule.Default with { Multiplier = 2m, MaxPosition = 5 }, FollowerRiskLimits.None)));

        var entry = await SingleAsync(_app);
        AssertBy(Alice, entry);
        Assert.Equal(
            (AuditActions.FollowerUpdated, "Follower 'Demo follower ×1' in group 'Demo'", "Multiplier 1 → 2; Max position none → 5"),
            (entry.Action, entry.Subject, entry.Details));
        Assert.Equal((Demo.Id, _app.AccountId("DEMO-F1")), (entry.CopyGroupId, entry.AccountId));
    }

    [Fact]
    public async Task SymbolMultipliersBlockedRootsAndRiskLimitsAreNamed()
    {
        var follower = Demo.Followers.Single(f => f.AccountId == _app.AccountId("DEMO-F2"));
        var rule = follower.Rule with
        {
            SymbolMultipliers = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["nq"] = 3m },
            BlockedRoots = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "gc" },
        };

        Ok(await Service.UpdateFollowerAsync(follower.Id, new FollowerSettings(true, rule, new FollowerRiskLimits { DailyLossLimit = 500m })));

        var entry = await SingleAsync(_app);
        Assert.Equal("Symbol multipliers none → NQ ×3; Blocked roots none → GC; Daily loss limit none → 500", entry.Details);
        AssertBy(Actor.System, entry);
    }

    [Fact]
    public async Task TogglingAFollowerRecordsEnabledOrDisabled()
    {
        var follower = Demo.Followers[0];

        Ok(await Service.SetFollowerEnabledAsync(follower.Id, false));
        Ok(await Service.SetFollowerEnabledAsync(follower.Id, true));

        var entries = await AllAsync(_app);
        Assert.Equal(
            [(AuditActions.FollowerDisabled, "Enabled on → off"), (AuditActions.FollowerEnabled, "Enabled off → on")],
            entries.Select(e => (e.Action, e.Details)));
    }

    [Fact]
    public async Task CreatingUpdatingAndDeletingAGroupAreRecordedWithItsId()
    {
        using var alice = ActAs(_app, Alice);
        var id = Ok(await Service.CreateGroupAsync(new GroupDraft(" Swing ", _app.AccountId("DEMO-F1"), new GroupOptions(true, DryRun: true))));
        Ok(await Service.AddFollowerAsync(id, _app.AccountId("DEMO-F3"), Plain with { Rule = FollowerRule.Default with { Multiplier = 0.5m } }));
        Ok(await Service.AddContractMapAsync(id, new ContractMapping("NQ", "MNQ", 10m)));
        Ok(await Service.UpdateGroupAsync(id, new GroupDraft("Swing 2", _app.AccountId("DEMO-F1"), new GroupOptions(false, DryRun: true))));
        Ok(await Service.DeleteGroupAsync(id));

        var entries = await AllAsync(_app);
        Assert.Equal(
            [AuditActions.GroupCreated, AuditActions.FollowerAdded, AuditActions.ContractMapAdded, AuditActions.GroupUpdated, AuditActions.GroupDeleted],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(id, e.CopyGroupId));
        Assert.All(entries, e => AssertBy(Alice, e));
        Assert.Equal(("Group 'Swing'", "Name 'Swing'; Leader 'Demo follower ×1'; Auto-copy on; Dry run on; Auto-sync off; Mirror working orders off"), (entries[0].Subject, entries[0].Details));
        Assert.Equal("Follower 'Demo follower ×0.5' in group 'Swing'", entries[1].Subject);
        Assert.Contains("Enabled on; Mode Multiplier; Multiplier 0.5;", entries[1].Details);
        Assert.Equal(("Contract map NQ in group 'Swing'", "Added NQ → MNQ ×10"), (entries[2].Subject, entries[2].Details));
        Assert.Equal(("Group 'Swing'", "Name 'Swing' → 'Swing 2'; Auto-copy on → off"), (entries[3].Subject, entries[3].Details));
        Assert.Equal(("Group 'Swing 2'", "Leader 'Demo follower ×1'; Followers 'Demo follower ×0.5'; Contract maps NQ → MNQ ×10"), (entries[4].Subject, entries[4].Details));
    }

    [Fact]
    public async Task RemovingAFollowerKeepsItsSettingsInTheTrail()
    {
        var follower = Demo.Followers.Single(f => f.AccountId == _app.AccountId("DEMO-F2"));

        Ok(await Service.RemoveFollowerAsync(follower.Id));

        var entry = await SingleAsync(_app);
        Assert.Equal((AuditActions.FollowerRemoved, "Follower 'Demo follower ×2' in group 'Demo'"), (entry.Action, entry.Subject));
        Assert.StartsWith("Removed; its positions and orders at the broker stay as they are. Its settings were: Enabled on; Mode Multiplier; Multiplier 2;", entry.Details);
    }

    [Fact]
    public async Task GlobalContractMapsAreRecordedWithoutAGroup()
    {
        var id = Ok(await Service.AddContractMapAsync(null, new ContractMapping("es", "mes", 10m)));
        Ok(await Service.RemoveContractMapAsync(id));

        var entries = await AllAsync(_app);
        Assert.Equal(
            [(AuditActions.ContractMapAdded, "Global contract map ES", "Added ES → MES ×10", (int?)null), (AuditActions.ContractMapRemoved, "Global contract map ES", "Removed ES → MES ×10", null)],
            entries.Select(e => (e.Action, e.Subject, e.Details, e.CopyGroupId)));
    }

    [Fact]
    public async Task ARefusedChangeWritesNoEntry()
    {
        var spare = await _app.WithDbAsync(async db =>
        {
            var account = new TradingAccount(await db.BrokerConnections.Select(c => c.Id).SingleAsync(), "DEMO-F4", "Spare");
            db.TradingAccounts.Add(account);
            await db.SaveChangesAsync();
            return account.Id;
        });
        var back = Ok(await Service.CreateGroupAsync(new GroupDraft("Back", spare, new GroupOptions(true))));
        Ok(await Service.AddFollowerAsync(back, _app.AccountId(PipelineHost.Leader), Plain));
        var before = (await AllAsync(_app)).Count;

        var loop = await Service.AddFollowerAsync(Demo.Id, spare, Plain);
        var duplicate = await Service.CreateGroupAsync(new GroupDraft("demo", spare, new GroupOptions(true)));
        var badRule = await Service.UpdateFollowerAsync(Demo.Followers[0].Id, Plain with { Rule = FollowerRule.Default with { Multiplier = 0m } });

        Assert.StartsWith("Refused: this would create a copy loop", Assert.Single(loop.Errors));
        Assert.False(duplicate.Succeeded);
        Assert.False(badRule.Succeeded);
        Assert.Equal(before, (await AllAsync(_app)).Count);
    }

    private static int Ok(CopySetupResult result)
    {
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Id!.Value;
    }
}
