using CopyTrader.Domain.Brokers;
using CopyTrader.Domain.Copying;
using CopyTrader.Web.Components.Pages.Cockpit;

namespace CopyTrader.Tests.Web.Cockpit;

public sealed class SensitiveMaskTests
{
    private static readonly CopyConfigSnapshot Config = CockpitComponentTest.DemoConfig with
    {
        Accounts = [.. CockpitComponentTest.DemoConfig.Accounts, new AccountSnapshot(13, 1, "DEMO-F12", "Follower twelve")],
    };

    [Fact]
    public void ShownFiguresAreFormattedAndColouredBySign()
    {
        var mask = SensitiveMask.For(Config, hide: false);

        Assert.False(mask.Hidden);
        Assert.Equal("$48,250.50", mask.Money(48_250.5m));
        Assert.Equal("-$12.50", mask.Money(-12.5m));
        Assert.Equal("—", mask.Money(null));
        Assert.Equal("pnl-up", mask.PnlClass(0m));
        Assert.Equal("pnl-down", mask.PnlClass(-1m));
        Assert.Equal("Follower one", mask.AccountName(11, "Follower one"));
        Assert.Equal("DEMO-F1", mask.AccountNumber("DEMO-F1"));
        Assert.Equal("Rejected for DEMO-F1", mask.Text("Rejected for DEMO-F1"));
    }

    [Fact]
    public void HiddenMasksMoneyNamesNumbersAndTheSignsColour()
    {
        var mask = SensitiveMask.For(Config, hide: true);

        Assert.Equal("$•••••", mask.Money(48_250.5m));
        Assert.Equal("$•••••", mask.Money(null));
        Assert.Null(mask.PnlClass(-1m));
        Assert.Equal("Account #11", mask.AccountName(11, "Follower one"));
        Assert.Equal("•••••", mask.AccountNumber("DEMO-F1"));
    }

    [Fact]
    public void HiddenBlanksEveryKnownAccountNameAndNumberInFreeText()
    {
        var mask = SensitiveMask.For(Config, hide: true);

        Assert.Equal("Reading positions of '•••••' failed: account ••••• and ••••• closed",
            mask.Text("Reading positions of 'follower one' failed: account DEMO-F12 and DEMO-F1 closed"));
        Assert.Null(mask.Text(null));
    }
}
