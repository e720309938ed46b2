using Bunit;
using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Web.Components.Pages.Cockpit;
using CopyTrader.Web.Components.Pages.Cockpit.Parts;

namespace CopyTrader.Tests.Web.Cockpit;

/// <summary>50 accounts and a stream of events: only the cards of the accounts an event concerns are rendered again.</summary>
public sealed class CockpitRenderCountTests() : CockpitComponentTest(FiftyAccounts())
{
    /// <summary>Five groups of one leader and nine followers: accounts 100..149, leaders 100, 110, ... 140.</summary>
    private static CopyConfigSnapshot FiftyAccounts()
    {
        var accounts = Enumerable.Range(100, 50).Select(id => new AccountSnapshot(id, 1, $"ACC-{id}", $"Account {id}")).ToList();
        var groups = Enumerable.Range(0, 5).Select(g => new CopyGroupSnapshot(g + 1, $"Group {g + 1}", 100 + (g * 10), true,
            Enumerable.Range(1, 9).Select(f => new FollowerSnapshot(1000 + (g * 10) + f, 100 + (g * 10) + f, true, FollowerRule.Default)).ToList())).ToList();
        return new([new ConnectionSnapshot(1, "Simulator (demo)", BrokerKind.Simulator, "x")], accounts, groups, []);
    }

    [Fact]
    public void HundredEventsOnSomeOfFiftyAccountsRenderOnlyTheirCards()
    {
        foreach (var id in Enumerable.Range(100, 50))
        {
            Hub.Publish(FakeHub.State(id, $"Account {id}"));
        }

        var page = RenderPage();
        var cards = page.FindComponents<AccountCard>();
        Assert.Equal(50, cards.Count);
        var before = RenderCounts(cards);

        // A leader's fills move its position; copies land on two of its followers and on one follower of another group.
        int[] stateChanges = [100, 101, 125];
        int[] copies = [101, 102, 125];
        for (var i = 0; i < 100; i++)
        {
            var n = i;
            if (n % 2 == 0)
            {
                var id = stateChanges[n / 2 % stateChanges.Length];
                page.InvokeAsync(() => Hub.Publish(FakeHub.State(id, $"Account {id}", new BrokerPosition("MNQZ6", (n % 5) + 1, 21000m, n, 0m))));
            }
            else
            {
                var id = copies[n / 2 % copies.Length];
                page.InvokeAsync(() => Engine.Complete(Copy(id, CopyOutcome.Accepted, n, id: n)));
            }
        }

        page.WaitForAssertion(() => Assert.Equal("99.0 ms", page.Find("[data-account-id='102'] [data-last-copy]").TextContent.Trim()));
        Assert.Equal(stateChanges.Concat(copies).Order().Distinct(), RenderedAgain(cards, before));
        Assert.Equal(50, page.FindAll("[data-copy-row]").Count);
        Assert.Equal("95.0 ms", page.Find("[data-account-id='125'] [data-last-copy]").TextContent.Trim());
        Assert.Equal("Long", page.Find("[data-account-id='100'] [data-position='MNQZ6'] [data-side]").TextContent);
    }

    [Fact]
    public void AConfigurationChangeRendersOnlyTheCardsItChanges()
    {
        var page = RenderPage();
        var cards = page.FindComponents<AccountCard>();
        var before = RenderCounts(cards);
        var config = ConfigStore.Current;
        var group = config.Groups[2];

        // Follower 123 gets a ×2 rule; the page and every panel render again, the other 49 cards see equal inputs.
        page.InvokeAsync(() => ConfigStore.Replace(config with
        {
            Groups = [.. config.Groups.Select(g => g != group ? g : g with { Followers = [.. g.Followers.Select(f => f.AccountId == 123 ? f with { Rule = f.Rule with { Multiplier = 2m } } : f)] })],
        }));

        page.WaitForAssertion(() => Assert.StartsWith("Follower ×2", page.Find("[data-account-id='123'] [data-role]").TextContent));
        Assert.Equal([123], RenderedAgain(cards, before));
    }

    private IRenderedComponent<CockpitPage> RenderPage()
    {
        var page = Render<CockpitPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#cockpit").GetAttribute("data-interactive")));
        return page;
    }

    private static Dictionary<int, int> RenderCounts(IEnumerable<IRenderedComponent<AccountCard>> cards) =>
        cards.ToDictionary(c => c.Instance.AccountId, c => c.RenderCount);

    private static List<int> RenderedAgain(IEnumerable<IRenderedComponent<AccountCard>> cards, Dictionary<int, int> before) =>
        cards.Where(c => c.RenderCount != before[c.Instance.AccountId]).Select(c => c.Instance.AccountId).Order().ToList();
}
