namespace CopyTrader.Domain.Configuration;

/// <summary>An account at a broker, reached through one <see cref="BrokerConnection"/>.</summary>
public sealed class TradingAccount
{
    public const int ExternalIdMaxLength = 64;
    public const int NameMaxLength = 100;

    private TradingAccount() { }

    public TradingAccount(int brokerConnectionId, string externalId, string displayName)
    {
        BrokerConnectionId = brokerConnectionId;
        ExternalId = externalId;
        DisplayName = displayName;
    }

    public int Id { get; private set; }
    public int BrokerConnectionId { get; private set; }

    /// <summary>The broker's own account id (Tradovate account id, DAS account, simulator name).</summary>
    public string ExternalId { get; private set; } = "";

    public string DisplayName { get; private set; } = "";
}
