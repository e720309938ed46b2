using CopyTrader.Domain;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Copying;

public class CopyConfigurationServiceTests
{
    [Fact]
    public async Task RefusesAGroupThatWouldCopyBackToItsOwnLeader()
    {
        await using var app = await PipelineHost.StartAsync();
        var service = app.Services.GetRequiredService<ICopyConfigurationService>();
        var followerOne = app.AccountId("DEMO-F1");
        var leader = app.AccountId(PipelineHost.Leader);
        var reverse = await service.CreateGroupAsync("Reverse", followerOne, autoCopyEnabled: true);

        var error = await Assert.ThrowsAsync<CopyTraderDomainException>(() => service.AddFollowerAsync(reverse, leader, FollowerRule.Default));

        Assert.Equal("Refused: this would create a copy loop (Demo leader → Demo follower ×1 → Demo leader); a trade would be copied back to where it came from.", error.Message);
        Assert.Empty(await app.WithDbAsync(db => db.Followers.Where(f => f.CopyGroupId == reverse).ToListAsync()));
        Assert.Empty(app.Config.Current.Groups.Single(g => g.Id == reverse).Followers);
    }

    [Fact]
    public async Task AllowsAChainThatDoesNotLoop()
    {
        await using var app = await PipelineHost.StartAsync();
        var service = app.Services.GetRequiredService<ICopyConfigurationService>();
        var chain = await service.CreateGroupAsync("Chain", app.AccountId("DEMO-F1"), autoCopyEnabled: true);

        await service.AddFollowerAsync(chain, app.AccountId("DEMO-F2"), FollowerRule.Default with { Multiplier = 3m });

        Assert.Equal(3m, app.Config.Current.Groups.Single(g => g.Id == chain).Followers.Single().Rule.Multiplier);
    }

    [Fact]
    public async Task RefusesAnInvalidRuleAndKeepsTheStoredOne()
    {
        await using var app = await PipelineHost.StartAsync();
        var service = app.Services.GetRequiredService<ICopyConfigurationService>();
        var follower = app.Config.Current.Groups.Single().Followers[1];

        var error = await Assert.ThrowsAsync<CopyTraderDomainException>(() => service.UpdateFollowerRuleAsync(follower.Id, FollowerRule.Default with { Multiplier = 0m }));

        Assert.Contains("greater than zero", error.Message);
        Assert.Equal(2m, app.Config.Current.Groups.Single().Followers[1].Rule.Multiplier);
    }

    [Fact]
    public async Task UpdatedRuleIsUsedByTheNextCopy()
    {
        await using var app = await PipelineHost.StartAsync();
        var service = app.Services.GetRequiredService<ICopyConfigurationService>();
        var f1 = app.Config.Current.Groups.Single().Followers[0];

        await service.UpdateFollowerRuleAsync(f1.Id, FollowerRule.Default with { Mode = QuantityMode.Fixed, FixedQuantity = 3, Inverse = true });
        app.Exchange.Place(new CopyTrader.Domain.Brokers.OrderRequest(PipelineHost.Leader, "MNQZ6", CopyTrader.Domain.Trading.Side.Buy, 1));
        await app.WaitForCopiesAsync(3);

        Assert.Equal(-3, app.PositionOf("DEMO-F1", "MNQZ6"));
    }

    [Fact]
    public async Task AFollowerAddedOnAConnectedLoginIsConnectedAndCopied()
    {
        await using var app = await PipelineHost.StartAsync();
        var newAccount = await app.WithDbAsync(async db =>
        {
            var account = new CopyTrader.Domain.Configuration.TradingAccount(db.BrokerConnections.Single().Id, "DEMO-F4", "Demo follower ×3");
            db.TradingAccounts.Add(account);
            await db.SaveChangesAsync();
            return account.Id;
        });

        await app.Services.GetRequiredService<ICopyConfigurationService>().AddFollowerAsync(app.Config.Current.Groups.Single().Id, newAccount, FollowerRule.Default with { Multiplier = 3m });
        await app.WaitForConnectedAccountsAsync(5);
        app.Exchange.Place(new CopyTrader.Domain.Brokers.OrderRequest(PipelineHost.Leader, "MNQZ6", CopyTrader.Domain.Trading.Side.Buy, 1));
        await app.WaitForCopiesAsync(4);

        Assert.Equal(3, app.PositionOf("DEMO-F4", "MNQZ6"));
        Assert.Equal(1, app.PositionOf("DEMO-F1", "MNQZ6"));
    }

    [Fact]
    public async Task AFollowerAlsoTradedByAWebhookStrategyIsSkippedWithTheReason()
    {
        await using var app = await PipelineHost.StartAsync();
        var f1 = app.Config.Current.Groups.Single().Followers[0];

        await app.Services.GetRequiredService<ICopyConfigurationService>().SetFollowerReceivesWebhookOrdersAsync(f1.Id, true);
        app.Exchange.Place(new CopyTrader.Domain.Brokers.OrderRequest(PipelineHost.Leader, "MNQZ6", CopyTrader.Domain.Trading.Side.Buy, 1));
        var copies = await app.WaitForCopiesAsync(3);

        var skipped = Assert.Single(copies, c => c.FollowerId == f1.Id);
        Assert.Equal(CopyOutcome.Skipped, skipped.Outcome);
        Assert.Contains("webhook strategy also trades this account", skipped.Reason);
        Assert.Equal(0, app.PositionOf("DEMO-F1", "MNQZ6"));
    }
}
