using CopyTrader.Domain.Brokers;

namespace CopyTrader.Domain.Configuration;

/// <summary>One broker login. Several trading accounts may share it (and its rate limits).</summary>
public sealed class BrokerConnection
{
    public const int NameMaxLength = 100;

    private BrokerConnection() { }

    public BrokerConnection(string name, BrokerKind kind, string protectedCredentials, DateTimeOffset createdUtc)
    {
        Name = name;
        Kind = kind;
        ProtectedCredentials = protectedCredentials;
        CreatedUtc = createdUtc;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public BrokerKind Kind { get; private set; }

    /// <summary>Credentials as the credential protector wrote them: never plain text.</summary>
    public string ProtectedCredentials { get; private set; } = "";

    public DateTimeOffset CreatedUtc { get; private set; }

    /// <summary>The user who owns this login and its accounts; null: no trader owns it, only admins see it.</summary>
    public string? OwnerUserId { get; private set; }

    public void AssignOwner(string? ownerUserId) => OwnerUserId = ownerUserId;

    public void Rename(string name) => Name = name;

    /// <summary>New credentials, already protected by the caller.</summary>
    public void ReplaceCredentials(string protectedCredentials) => ProtectedCredentials = protectedCredentials;
}
