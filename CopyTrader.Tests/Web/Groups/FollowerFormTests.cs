using Bunit;
using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Components.Pages.Groups.Parts;
using MudBlazor;

namespace CopyTrader.Tests.Web.Groups;

public sealed class FollowerFormTests : GroupsComponentTest
{
    private readonly List<string> _saved = [];

    [Fact]
    public void AddingWithoutAnAccountSaysSoAndAsksNobody()
    {
        var cut = RenderForm();

        cut.Find("#save-follower").Click();

        cut.WaitForAssertion(() => Assert.Contains("Choose the follower account.", cut.Markup));
        Assert.Empty(Setup.Calls);
    }

    [Fact]
    public void FieldMessagesComeFromTheRulesOwnProblems()
    {
        var cut = RenderForm(FakeCopySetupService.Follower(4, 2, "Alpha"));
        cut.Find("#follower-multiplier").Change("0");
        cut.Find("#follower-max-position").Change("-1");
        cut.Find("#limit-daily-loss").Change("-5");

        cut.Find("#save-follower").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            [
                "The multiplier must be greater than zero (got 0).",
                "The maximum position cannot be negative (got -1); leave it empty for no cap.",
                "The daily loss limit cannot be negative (got -5); enter the loss as a positive amount, or leave it empty for no limit.",
            ],
            SaveErrors(cut)));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(cut.Markup, System.Text.RegularExpressions.Regex.Escape("The multiplier must be greater than zero (got 0).")).Count); // at the field and in the list
        Assert.Empty(Setup.Calls);
    }

    [Fact]
    public void HelperTextSaysWhatEmptyAndZeroMeanAndThatLimitsAreNotEnforcedYet()
    {
        var cut = RenderForm();

        Assert.Contains("Empty = no cap. 0 = stay flat", cut.Markup);
        Assert.Contains("Empty = no limit. 0 = stop at the first loss.", cut.Markup);
        Assert.Contains("Not enforced yet", cut.Find("[data-not-enforced]").TextContent);
    }

    [Fact]
    public void AddSendsEveryRuleOverrideBlockedRootAndLimit()
    {
        var cut = RenderForm();
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.SelectOption((int?)2));
        cut.Find("#follower-multiplier").Change("2.5");
        cut.Find("#follower-max-position").Change("0");
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<RoundingRule>>().Instance.SelectOption(RoundingRule.Down));
        cut.Find("input[data-switch='inverse']").Change(true);
        cut.Find("input[data-switch='copy-sl']").Change(false);
        cut.Find("#add-override").Click();
        cut.Find("#override-root-0").Change("nq");
        cut.Find("#override-multiplier-0").Change("3");
        cut.Find("#block-root").Change("cl");
        cut.Find("#add-blocked").Click();
        cut.Find("#limit-daily-loss").Change("500.50");
        cut.Find("#limit-max-contracts").Change("0");
        cut.Find("#limit-window-start").Change("8:30");
        cut.Find("#limit-window-end").Change("15:00");

        cut.Find("#save-follower").Click();

        cut.WaitForAssertion(() => Assert.Equal(["AddFollower: 9 2"], Setup.Calls));
        var sent = Setup.FollowerSettings.Single();
        Assert.Equal((true, QuantityMode.Multiplier, 2.5m, true, (int?)0, RoundingRule.Down, false, true),
            (sent.Enabled, sent.Rule.Mode, sent.Rule.Multiplier, sent.Rule.Inverse, sent.Rule.MaxPosition, sent.Rule.Rounding, sent.Rule.CopyStopLoss, sent.Rule.CopyTakeProfit));
        Assert.Equal(3m, sent.Rule.SymbolMultipliers["NQ"]);
        Assert.Equal(["CL"], sent.Rule.BlockedRoots);
        Assert.Equal(new FollowerRiskLimits { DailyLossLimit = 500.50m, MaxContractsPerOrder = 0, CopyWindowStart = new TimeOnly(8, 30), CopyWindowEnd = new TimeOnly(15, 0) }, sent.RiskLimits);
        Assert.Equal(["Alpha follows the group now."], _saved);
    }

    [Fact]
    public void EditStartsFromTheFollowerAndEmptyFieldsStayNoCapAndNoLimit()
    {
        var follower = FakeCopySetupService.Follower(4, 2, "Alpha",
            FollowerRule.Default with { Multiplier = 2m, MaxPosition = 3, BlockedRoots = new HashSet<string> { "ES" } },
            new FollowerRiskLimits { MaxContractsPerOrder = 5 }, enabled: false);
        var cut = RenderForm(follower);
        Assert.Equal(["ES"], cut.FindAll("[data-blocked]").Select(c => c.GetAttribute("data-blocked")));
        cut.Find("#follower-multiplier").Change("3");
        cut.Find("#follower-max-position").Change("");
        cut.Find("#limit-max-contracts").Change("");

        cut.Find("#save-follower").Click();

        cut.WaitForAssertion(() => Assert.Equal(["UpdateFollower: 4"], Setup.Calls));
        var sent = Setup.FollowerSettings.Single();
        Assert.Equal((false, 3m, (int?)null), (sent.Enabled, sent.Rule.Multiplier, sent.Rule.MaxPosition));
        Assert.Equal(["ES"], sent.Rule.BlockedRoots);
        Assert.Equal(FollowerRiskLimits.None, sent.RiskLimits);
        Assert.Equal(["Alpha saved."], _saved);
    }

    [Fact]
    public void FixedModeAsksForTheQuantityAndSendsIt()
    {
        var cut = RenderForm(FakeCopySetupService.Follower(4, 2, "Alpha"));
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<QuantityMode>>().Instance.SelectOption(QuantityMode.Fixed));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#follower-multiplier")));
        cut.Find("#follower-fixed").Change("0");
        cut.Find("#save-follower").Click();
        cut.WaitForAssertion(() => Assert.Contains("The fixed quantity must be at least 1 (got 0).", SaveErrors(cut)));

        cut.Find("#follower-fixed").Change("2");
        cut.Find("#save-follower").Click();

        cut.WaitForAssertion(() => Assert.Equal(["UpdateFollower: 4"], Setup.Calls));
        Assert.Equal((QuantityMode.Fixed, 2), (Setup.FollowerSettings.Single().Rule.Mode, Setup.FollowerSettings.Single().Rule.FixedQuantity));
    }

    [Fact]
    public void DuplicateOverridesAHalfWindowAndABadTimeAreRefusedWithWhatToDo()
    {
        var cut = RenderForm(FakeCopySetupService.Follower(4, 2, "Alpha"));
        foreach (var (index, root) in new[] { (0, "NQ"), (1, "nq") })
        {
            cut.Find("#add-override").Click();
            cut.Find($"#override-root-{index}").Change(root);
            cut.Find($"#override-multiplier-{index}").Change("2");
        }

        cut.Find("#save-follower").Click();
        cut.WaitForAssertion(() => Assert.Equal(["NQ has more than one multiplier override; keep one."], SaveErrors(cut)));

        cut.Find("[data-remove-override='1']").Click();
        cut.Find("#limit-window-start").Change("9:00");
        cut.Find("#save-follower").Click();
        cut.WaitForAssertion(() => Assert.Equal(["The copy window needs both a start and an end, or neither (copy at any time)."], SaveErrors(cut)));

        cut.Find("#limit-window-end").Change("25:00");
        cut.Find("#save-follower").Click();
        cut.WaitForAssertion(() => Assert.Equal(["Enter the time as HH:mm on a 24-hour clock, e.g. 08:30 or 17:00 (got '25:00')."], SaveErrors(cut)));
        Assert.Empty(Setup.Calls);
    }

    [Fact]
    public void BlockingARootTwiceOrABadRootSaysSo()
    {
        var cut = RenderForm();
        cut.Find("#block-root").Change("CL");
        cut.Find("#add-blocked").Click();

        cut.Find("#block-root").Change("cl");
        cut.Find("#add-blocked").Click();
        cut.WaitForAssertion(() => Assert.Contains("CL is already blocked.", cut.Markup));

        cut.Find("#block-root").Change("C L");
        cut.Find("#add-blocked").Click();
        cut.WaitForAssertion(() => Assert.Contains("'C L' is not a contract root such as NQ or MNQ", cut.Markup));
        Assert.Equal(["CL"], cut.FindAll("[data-blocked]").Select(c => c.GetAttribute("data-blocked")));
    }

    [Fact]
    public void ALoopRefusedByTheServiceIsShown()
    {
        Setup.Result = CopySetupResult.Refused("Refused: this would create a copy loop (Leader → Alpha → Leader); a trade would be copied back to where it came from.");
        var cut = RenderForm();
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<int?>>().Instance.SelectOption((int?)2));

        cut.Find("#save-follower").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Refused: this would create a copy loop (Leader → Alpha → Leader); a trade would be copied back to where it came from."], SaveErrors(cut)));
        Assert.Empty(_saved);
    }

    private IRenderedComponent<FollowerForm> RenderForm(FollowerView? follower = null) => Render<FollowerForm>(p => p
        .Add(f => f.GroupId, 9)
        .Add(f => f.Follower, follower)
        .Add(f => f.Accounts, Setup.Accounts.Skip(1).ToList())
        .Add(f => f.OnSaved, message => _saved.Add(message)));
}
