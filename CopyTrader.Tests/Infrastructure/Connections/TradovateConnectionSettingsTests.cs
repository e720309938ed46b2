using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using CopyTrader.Infrastructure.Connections;

namespace CopyTrader.Tests.Infrastructure.Connections;

public class TradovateConnectionSettingsTests
{
    private static readonly TradovateConnectionSettings Settings = new("demo", "trader", "hunter2-very-secret", "CopyTrader", "1.0", 1234, "sec-do-not-show", "device-1");

    [Fact]
    public void RoundTripsThroughJson()
    {
        Assert.Equal(Settings, TradovateConnectionSettings.Parse(Settings.ToJson()));
        Assert.Equal(Settings with { DeviceId = null }, TradovateConnectionSettings.Parse((Settings with { DeviceId = null }).ToJson()));
    }

    [Fact]
    public void WritesTheFieldNamesTheConnectorReads()
    {
        Assert.Equal(
            """{"environment":"demo","name":"trader","password":"hunter2-very-secret","appId":"CopyTrader","appVersion":"1.0","cid":1234,"sec":"sec-do-not-show","deviceId":"device-1"}""",
            Settings.ToJson());
    }

    [Fact]
    public void GivesTheCredentialsTheAuthClientSends()
    {
        Assert.Equal(new TradovateCredentials("trader", "hunter2-very-secret", "CopyTrader", "1.0", 1234, "sec-do-not-show", "device-1"), Settings.ToCredentials());
    }

    [Fact]
    public void ToStringShowsNeitherPasswordNorSecret()
    {
        var text = Settings.ToString();

        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("sec-do-not-show", text);
        Assert.Contains("Name = trader", text);
        Assert.Contains("Environment = demo", text);
        Assert.DoesNotContain("hunter2", new ConnectionDraft("Apex", BrokerKind.Tradovate, Settings).ToString());
    }

    [Theory]
    [InlineData("not json", "Tradovate connection settings are not valid JSON: ")]
    [InlineData("[1]", "Tradovate connection settings must be a JSON object, not Array.")]
    [InlineData("""{"environment":"demo","name":"t","appId":"a","appVersion":"1","cid":1,"sec":"s"}""", "Tradovate connection settings lack 'password'.")]
    [InlineData("""{"environment":"demo","name":"t","password":"p","appId":"a","appVersion":"1","cid":"12","sec":"s"}""", "Tradovate connection settings: 'cid' must be a whole number, not String \"12\".")]
    [InlineData("""{"environment":"demo","name":"t","password":7,"appId":"a","appVersion":"1","cid":1,"sec":"s"}""", "Tradovate connection settings: 'password' must be a string, not Number.")]
    public void RefusesBadJsonNamingTheProblem(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TradovateConnectionSettings.Parse(json));

        Assert.StartsWith(expected, error.Message);
    }

    [Fact]
    public void NamesEveryMissingField()
    {
        var problems = new TradovateConnectionSettings("", " ", "", "", "", 0, "").Problems();

        Assert.Equal(
            [
                "The Tradovate environment is required.", "The Tradovate username is required.", "The Tradovate password is required.",
                "The app id is required.", "The app version is required.", "The API secret (sec) is required.",
                "The API key id (cid) must be a positive number (got 0).",
            ],
            problems);
        Assert.Empty(Settings.Problems());
    }
}
