namespace CopyTrader.Infrastructure.Brokers.Tradovate.Sync;

public enum TradovatePendingKind
{
    Fill,
    Order,
    Position,
}

/// <summary>
/// An entity the user state cannot turn into an event yet, with the reason in words. <see cref="MissingOrderId"/>
/// or <see cref="MissingContractId"/> names what it waits for (a contract can be fetched over REST and fed to
/// <see cref="TradovateUserState.AddContract(System.Text.Json.JsonElement)"/>). <see cref="IsSnapshot"/> is how
/// its event will be marked once released.
/// </summary>
public sealed record TradovatePendingItem(
    TradovatePendingKind Kind,
    long EntityId,
    string Reason,
    DateTimeOffset ReceivedUtc,
    bool IsSnapshot,
    long? MissingOrderId,
    long? MissingContractId);
