using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.CopySetup;

/// <summary>
/// The setup service on the real pipeline (demo seeded: Demo leader → ×1, ×2, ×0.5), once per database provider:
/// each write, its refusals, and that nothing it does not name is lost.
/// </summary>
public abstract class CopySetupServiceTests : IAsyncLifetime
{
    private static readonly FollowerSettings Plain = new(true, FollowerRule.Default, FollowerRiskLimits.None);

    private PipelineHost _app = default!;

    private ICopySetupService Service => _app.Services.GetRequiredService<ICopySetupService>();

    private CopyGroupSnapshot Demo => _app.Config.Current.Groups.Single(g => g.Name == "Demo");

    protected abstract Task<Dictionary<string, string?>> SettingsAsync();

    public async Task InitializeAsync() => _app = await PipelineHost.StartAsync(await SettingsAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CreatesAGroupWithItsSwitchesInOneWrite()
    {
        var id = Ok(await Service.CreateGroupAsync(new GroupDraft(" Swing ", _app.AccountId("DEMO-F1"), new GroupOptions(true, DryRun: true, AutoSync: true, MirrorWorkingOrders: true))));

        var group = _app.Config.Current.Groups.Single(g => g.Id == id);
        Assert.Equal(("Swing", _app.AccountId("DEMO-F1"), true, true, true, true), (group.Name, group.LeaderAccountId, group.AutoCopyEnabled, group.DryRun, group.AutoSync, group.MirrorWorkingOrders));
        var listed = (await Service.ListGroupsAsync()).Single(g => g.Id == id);
        Assert.Equal(("Swing", "Demo follower ×1"), (listed.Name, listed.LeaderName));
    }

    [Fact]
    public async Task RefusesANameInUseIgnoringCaseAndAMissingLeaderNamingBoth()
    {
        var before = await CountsAsync();

        var refused = await Service.CreateGroupAsync(new GroupDraft("dEMO", 999, new GroupOptions(true)));
        var unnamed = await Service.CreateGroupAsync(new GroupDraft("  ", _app.AccountId("DEMO-F1"), new GroupOptions(true)));

        Assert.Equal(["A copy group named 'dEMO' already exists.", "Choose the leader account."], refused.Errors);
        Assert.Equal(["The group name is required."], unnamed.Errors);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task RenamesChangesTheLeaderAndSwitchesKeepingFollowersAndMaps()
    {
        var spare = await AddAccountAsync("DEMO-F4", "Spare");
        Ok(await Service.AddContractMapAsync(Demo.Id, new ContractMapping("NQ", "MNQ", 10m)));
        var followersBefore = Demo.Followers;

        Ok(await Service.UpdateGroupAsync(Demo.Id, new GroupDraft("Main", spare, new GroupOptions(false, DryRun: true))));

        var group = _app.Config.Current.Groups.Single();
        Assert.Equal(("Main", spare, false, true), (group.Name, group.LeaderAccountId, group.AutoCopyEnabled, group.DryRun));
        Assert.Equal(followersBefore.Select(f => (f.Id, f.AccountId, f.Rule.Multiplier)), group.Followers.Select(f => (f.Id, f.AccountId, f.Rule.Multiplier)));
        Assert.Equal([new ContractMapping("NQ", "MNQ", 10m)], group.ContractMappings);
    }

    [Fact]
    public async Task RefusesALeaderChangeThatWouldCreateACopyLoopAndKeepsTheGroup()
    {
        var spare = await AddAccountAsync("DEMO-F4", "Spare");
        var back = Ok(await Service.CreateGroupAsync(new GroupDraft("Back", spare, new GroupOptions(true))));
        Ok(await Service.AddFollowerAsync(back, _app.AccountId(PipelineHost.Leader), Plain));

        var refused = await Service.UpdateGroupAsync(back, new GroupDraft("Back renamed", _app.AccountId("DEMO-F1"), new GroupOptions(true)));

        var error = Assert.Single(refused.Errors);
        Assert.Matches(@"^Refused: this would create a copy loop \(.*Demo leader.*Demo follower ×1.*\); a trade would be copied back to where it came from\.$", error);
        var group = _app.Config.Current.Groups.Single(g => g.Id == back);
        Assert.Equal(("Back", spare), (group.Name, group.LeaderAccountId));
        Assert.Equal(("Back", spare), await _app.WithDbAsync(async db => await db.CopyGroups.Where(g => g.Id == back).Select(g => new { g.Name, g.LeaderAccountId }).SingleAsync() is var g ? (g.Name, g.LeaderAccountId) : default));
    }

    [Fact]
    public async Task RefusesMakingAFollowerTheLeaderOfItsOwnGroup()
    {
        var refused = await Service.UpdateGroupAsync(Demo.Id, new GroupDraft("Demo", _app.AccountId("DEMO-F2"), new GroupOptions(true)));

        Assert.Equal(["'Demo follower ×2' follows this group; remove it from the followers before making it the leader."], refused.Errors);
        Assert.Equal(_app.AccountId(PipelineHost.Leader), Demo.LeaderAccountId);
    }

    [Fact]
    public async Task DeletesAGroupWithItsFollowersAndOwnMapsKeepingAccountsGlobalMapsOtherGroupsAndTheCopyLog()
    {
        var other = Ok(await Service.CreateGroupAsync(new GroupDraft("Other", _app.AccountId("DEMO-F1"), new GroupOptions(true))));
        Ok(await Service.AddFollowerAsync(other, _app.AccountId("DEMO-F2"), Plain));
        Ok(await Service.AddContractMapAsync(other, new ContractMapping("ES", "MES", 10m)));
        Ok(await Service.AddContractMapAsync(Demo.Id, new ContractMapping("NQ", "MNQ", 10m)));
        Ok(await Service.AddContractMapAsync(null, new ContractMapping("GC", "MGC", 10m)));
        var demo = Demo;
        await _app.WithDbAsync(db =>
        {
            db.CopyLog.Add(new CopyLogEntry(DateTimeOffset.UtcNow, demo.Id, demo.LeaderAccountId, demo.Followers[0].Id, demo.Followers[0].AccountId,
                "fill 1", "MNQZ6", "MNQZ6", Side.Buy, 1, 1, CopyOutcome.Accepted, 12.5, "c1", "b1", null));
            return db.SaveChangesAsync();
        });

        Ok(await Service.DeleteGroupAsync(demo.Id));

        var remaining = Assert.Single(await Service.ListGroupsAsync());
        Assert.Equal(("Other", 1, "ES"), (remaining.Name, remaining.Followers.Count, remaining.ContractMaps.Single().Mapping.SourceRoot));
        Assert.Equal(["GC"], (await Service.ListGlobalContractMapsAsync()).Select(m => m.Mapping.SourceRoot));
        Assert.Equal((4, 1, 2), await _app.WithDbAsync(async db => (await db.TradingAccounts.CountAsync(), await db.CopyLog.CountAsync(), await db.ContractMaps.CountAsync())));
        Assert.Equal([other], _app.Config.Current.Groups.Select(g => g.Id));
    }

    [Fact]
    public async Task AddsAFollowerWithEveryRuleLimitAndSwitchAsGiven()
    {
        var spare = await AddAccountAsync("DEMO-F4", "Spare");
        var rule = FollowerRule.Default with
        {
            Mode = QuantityMode.Fixed,
            FixedQuantity = 3,
            Inverse = true,
            MaxPosition = 0,
            Rounding = RoundingRule.Up,
            AtLeastOneWhileLeaderInPosition = true,
            CopyStopLoss = false,
            CopyTakeProfit = false,
            SymbolMultipliers = new Dictionary<string, decimal> { ["es"] = 0.5m },
            BlockedRoots = new HashSet<string> { "cl" },
        };
        var limits = new FollowerRiskLimits { DailyLossLimit = 0m, MaxContractsPerOrder = 5, CopyWindowStart = new TimeOnly(17, 0), CopyWindowEnd = new TimeOnly(16, 0) };

        var id = Ok(await Service.AddFollowerAsync(Demo.Id, spare, new FollowerSettings(false, rule, limits)));

        var stored = (await Service.ListGroupsAsync()).Single().Followers.Single(f => f.Id == id);
        Assert.Equal(("Spare", false), (stored.AccountName, stored.Enabled));
        Assert.Equal((QuantityMode.Fixed, 3, true, (int?)0, RoundingRule.Up, true, false, false),
            (stored.Rule.Mode, stored.Rule.FixedQuantity, stored.Rule.Inverse, stored.Rule.MaxPosition, stored.Rule.Rounding, stored.Rule.AtLeastOneWhileLeaderInPosition, stored.Rule.CopyStopLoss, stored.Rule.CopyTakeProfit));
        Assert.Equal(0.5m, stored.Rule.SymbolMultipliers["ES"]);
        Assert.Equal(["CL"], stored.Rule.BlockedRoots);
        Assert.Equal(limits, stored.RiskLimits);
        Assert.False(_app.Config.Current.Groups.Single().Followers.Single(f => f.Id == id).Enabled);
    }

    [Fact]
    public async Task ClearedLimitsAreStoredAsNoLimitNotAsZero()
    {
        var follower = Demo.Followers[0];
        Ok(await Service.UpdateFollowerAsync(follower.Id, Plain with { RiskLimits = new FollowerRiskLimits { DailyLossLimit = 1500.50m, MaxContractsPerOrder = 0 } }));
        Assert.Equal(new FollowerRiskLimits { DailyLossLimit = 1500.50m, MaxContractsPerOrder = 0 }, await LimitsOfAsync(follower.Id));

        Ok(await Service.UpdateFollowerAsync(follower.Id, Plain));

        Assert.Equal(FollowerRiskLimits.None, await LimitsOfAsync(follower.Id));
        Assert.Equal((null, null), await _app.WithDbAsync(async db => await db.Followers.Where(f => f.Id == follower.Id).Select(f => new { f.DailyLossLimit, f.MaxContractsPerOrder }).SingleAsync() is var f ? (f.DailyLossLimit, f.MaxContractsPerOrder) : default));
    }

    [Fact]
    public async Task SetsOnlyTheRiskLimitsKeepingTheRuleAndTheSwitch()
    {
        var follower = Demo.Followers[1];
        Ok(await Service.SetFollowerEnabledAsync(follower.Id, false));
        var limits = new FollowerRiskLimits { DailyLossLimit = 250m, MaxContractsPerOrder = 2, CopyWindowStart = new TimeOnly(8, 30), CopyWindowEnd = new TimeOnly(15, 0) };

        Ok(await Service.SetFollowerRiskLimitsAsync(follower.Id, limits));

        Assert.Equal(limits, await LimitsOfAsync(follower.Id));
        var after = Demo.Followers.Single(f => f.Id == follower.Id);
        Assert.Equal((false, follower.Rule.Multiplier), (after.Enabled, after.Rule.Multiplier));
    }

    [Fact]
    public async Task RefusesBadRiskLimitsAndAnUnknownFollowerStoringNothing()
    {
        var follower = Demo.Followers[0];

        var bad = await Service.SetFollowerRiskLimitsAsync(follower.Id, new FollowerRiskLimits { MaxContractsPerOrder = -1, CopyWindowEnd = new TimeOnly(9, 0) });
        var unknown = await Service.SetFollowerRiskLimitsAsync(999, FollowerRiskLimits.None);

        Assert.Equal(
            [
                "The maximum contracts per order cannot be negative (got -1); leave it empty for no limit.",
                "The copy window needs both a start and an end, or neither (copy at any time).",
            ],
            bad.Errors);
        Assert.Equal(["Follower 999 does not exist."], unknown.Errors);
        Assert.Equal(FollowerRiskLimits.None, await LimitsOfAsync(follower.Id));
    }

    [Fact]
    public async Task RefusesTheLeaderADuplicateAndBadSettingsNamingEveryProblem()
    {
        var before = await CountsAsync();
        var bad = new FollowerSettings(true, FollowerRule.Default with { Multiplier = 0m, BlockedRoots = new HashSet<string> { "N Q" } },
            new FollowerRiskLimits { DailyLossLimit = -1m, CopyWindowStart = new TimeOnly(9, 0) });

        var leader = await Service.AddFollowerAsync(Demo.Id, _app.AccountId(PipelineHost.Leader), Plain);
        var duplicate = await Service.AddFollowerAsync(Demo.Id, _app.AccountId("DEMO-F1"), bad);

        Assert.Equal(["'Demo leader' leads this group; an account cannot follow itself."], leader.Errors);
        Assert.Equal(
            [
                "'Demo follower ×1' already follows this group.",
                "The multiplier must be greater than zero (got 0).",
                "'N Q' is not a contract root such as NQ or MNQ (letters and digits, at most 10).",
                "The daily loss limit cannot be negative (got -1); enter the loss as a positive amount, or leave it empty for no limit.",
                "The copy window needs both a start and an end, or neither (copy at any time).",
            ],
            duplicate.Errors);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task RefusesAFollowerThatWouldCreateACopyLoop()
    {
        var reverse = Ok(await Service.CreateGroupAsync(new GroupDraft("Reverse", _app.AccountId("DEMO-F1"), new GroupOptions(true))));

        var refused = await Service.AddFollowerAsync(reverse, _app.AccountId(PipelineHost.Leader), Plain);

        Assert.Equal(["Refused: this would create a copy loop (Demo leader → Demo follower ×1 → Demo leader); a trade would be copied back to where it came from."], refused.Errors);
        Assert.Empty(_app.Config.Current.Groups.Single(g => g.Id == reverse).Followers);
        Assert.Equal(3, await _app.WithDbAsync(db => db.Followers.CountAsync()));
    }

    [Fact]
    public async Task EditingOneFollowerKeepsTheGroupsOtherFollowersAndMaps()
    {
        Ok(await Service.AddContractMapAsync(Demo.Id, new ContractMapping("NQ", "MNQ", 10m)));
        Ok(await Service.AddContractMapAsync(null, new ContractMapping("ES", "MES", 10m)));
        var before = Demo.Followers;

        Ok(await Service.UpdateFollowerAsync(before[1].Id, Plain with { Rule = FollowerRule.Default with { Multiplier = 4m, SymbolMultipliers = new Dictionary<string, decimal> { ["NQ"] = 3m } } }));

        var after = Demo.Followers;
        Assert.Equal([1m, 4m, 0.5m], after.Select(f => f.Rule.Multiplier));
        Assert.Equal(3m, after[1].Rule.SymbolMultipliers["NQ"]);
        Assert.Equal(before.Select(f => f.AccountId), after.Select(f => f.AccountId));
        Assert.Equal([new ContractMapping("NQ", "MNQ", 10m)], Demo.ContractMappings);
        Assert.Equal([new ContractMapping("ES", "MES", 10m)], _app.Config.Current.GlobalContractMappings);
    }

    [Fact]
    public async Task ADisabledFollowerIsSkippedAndARemovedOneIsGoneWhileItsAccountStays()
    {
        var (f1, f2) = (Demo.Followers[0], Demo.Followers[1]);

        Ok(await Service.SetFollowerEnabledAsync(f1.Id, false));
        Ok(await Service.RemoveFollowerAsync(f2.Id));
        _app.Exchange.Place(new OrderRequest(PipelineHost.Leader, "MNQZ6", Side.Buy, 2));
        var copies = await _app.WaitForCopiesAsync(2);

        Assert.Equal([false, true], Demo.Followers.Select(f => f.Enabled));
        Assert.Equal("Follower is disabled.", Assert.Single(copies, c => c.FollowerId == f1.Id).Reason);
        Assert.DoesNotContain(copies, c => c.FollowerId == f2.Id);
        Assert.Equal(0, _app.PositionOf("DEMO-F1", "MNQZ6"));
        Assert.Equal(0, _app.PositionOf("DEMO-F2", "MNQZ6"));
        Assert.Equal(1, _app.PositionOf("DEMO-F3", "MNQZ6"));
        Assert.Equal(4, await _app.WithDbAsync(db => db.TradingAccounts.CountAsync()));
    }

    [Fact]
    public async Task AGroupMapIsUsedByTheNextCopyWithItsRatio()
    {
        Ok(await Service.AddContractMapAsync(Demo.Id, new ContractMapping(" nq ", "mnq", 10m)));

        _app.Exchange.Place(new OrderRequest(PipelineHost.Leader, "NQZ6", Side.Buy, 1));
        await _app.WaitForCopiesAsync(3);

        Assert.Equal(10, _app.PositionOf("DEMO-F1", "MNQZ6"));
        Assert.Equal(20, _app.PositionOf("DEMO-F2", "MNQZ6"));
        Assert.Equal(0, _app.PositionOf("DEMO-F1", "NQZ6"));
    }

    [Fact]
    public async Task RefusesASecondMapOfTheSameRootInTheSameScopeOnly()
    {
        Ok(await Service.AddContractMapAsync(null, new ContractMapping("NQ", "MNQ", 10m)));

        var globalAgain = await Service.AddContractMapAsync(null, new ContractMapping("nq", "MNQ", 5m));
        var forGroup = await Service.AddContractMapAsync(Demo.Id, new ContractMapping("NQ", "MNQ", 5m));
        var groupAgain = await Service.AddContractMapAsync(Demo.Id, new ContractMapping("NQ", "MES", 1m));

        Assert.Equal(["NQ is already mapped (NQ → MNQ ×10) in the global maps; remove that row first to change it."], globalAgain.Errors);
        Assert.True(forGroup.Succeeded);
        Assert.Equal(["NQ is already mapped (NQ → MNQ ×5) in this group; remove that row first to change it."], groupAgain.Errors);
        Assert.Equal(2, await _app.WithDbAsync(db => db.ContractMaps.CountAsync()));
    }

    [Fact]
    public async Task RefusesABadMapNamingEveryProblemAndRemovesARow()
    {
        var bad = await Service.AddContractMapAsync(null, new ContractMapping("", "M NQ", 0m));
        var self = await Service.AddContractMapAsync(null, new ContractMapping("NQ", "nq", 1m));
        var kept = Ok(await Service.AddContractMapAsync(null, new ContractMapping("ES", "MES", 10m)));
        var removed = Ok(await Service.AddContractMapAsync(null, new ContractMapping("GC", "MGC", 10m)));

        Ok(await Service.RemoveContractMapAsync(removed));

        Assert.Equal(
            ["The leader root is required (e.g. NQ).", "The follower root is a contract root such as NQ or MNQ: letters and digits only (got 'M NQ').", "A contract map ratio must be greater than zero (got 0)."],
            bad.Errors);
        Assert.Equal(["NQ cannot map to itself."], self.Errors);
        Assert.Equal([kept], (await Service.ListGlobalContractMapsAsync()).Select(m => m.Id));
        Assert.Equal([new ContractMapping("ES", "MES", 10m)], _app.Config.Current.GlobalContractMappings);
    }

    [Fact]
    public async Task ChangesToThingsThatDoNotExistAreRefusedWithWhatIsMissing()
    {
        Assert.Equal(["Copy group 999 does not exist."], (await Service.UpdateGroupAsync(999, new GroupDraft("X", 1, new GroupOptions(true)))).Errors);
        Assert.Equal(["Copy group 999 does not exist."], (await Service.DeleteGroupAsync(999)).Errors);
        Assert.Equal(["Copy group 999 does not exist."], (await Service.AddContractMapAsync(999, new ContractMapping("NQ", "MNQ", 10m))).Errors);
        Assert.Equal(["Follower 999 does not exist."], (await Service.UpdateFollowerAsync(999, Plain)).Errors);
        Assert.Equal(["Follower 999 does not exist."], (await Service.SetFollowerEnabledAsync(999, false)).Errors);
        Assert.Equal(["Follower 999 does not exist."], (await Service.RemoveFollowerAsync(999)).Errors);
        Assert.Equal(["Contract map 999 does not exist."], (await Service.RemoveContractMapAsync(999)).Errors);
        Assert.Equal(["Choose the follower account."], (await Service.AddFollowerAsync(Demo.Id, 999, Plain)).Errors);
    }

    [Fact]
    public async Task ListsEverySavedAccountWithItsConnection()
    {
        var accounts = await Service.ListAccountsAsync();

        Assert.Equal(["Demo follower ×0.5", "Demo follower ×1", "Demo follower ×2", "Demo leader"], accounts.Select(a => a.DisplayName));
        Assert.All(accounts, a => Assert.Equal("Simulator (demo)", a.ConnectionName));
    }

    private static int Ok(CopySetupResult result)
    {
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Id!.Value;
    }

    private Task<int> AddAccountAsync(string externalId, string name) => _app.WithDbAsync(async db =>
    {
        var account = new TradingAccount(await db.BrokerConnections.Select(c => c.Id).SingleAsync(), externalId, name);
        db.TradingAccounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    });

    private async Task<FollowerRiskLimits> LimitsOfAsync(int followerId) =>
        (await Service.ListGroupsAsync()).SelectMany(g => g.Followers).Single(f => f.Id == followerId).RiskLimits;

    private Task<(int Groups, int Followers, int Maps)> CountsAsync() => _app.WithDbAsync(async db =>
        (await db.CopyGroups.CountAsync(), await db.Followers.CountAsync(), await db.ContractMaps.CountAsync()));
}

public sealed class SqliteCopySetupServiceTests : CopySetupServiceTests
{
    protected override Task<Dictionary<string, string?>> SettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

public sealed class PostgresCopySetupServiceTests : CopySetupServiceTests
{
    protected override async Task<Dictionary<string, string?>> SettingsAsync() => new()
    {
        ["Database:Provider"] = "PostgreSQL",
        ["Database:ConnectionString"] = await PostgresServer.CreateDatabaseAsync(),
    };
}
