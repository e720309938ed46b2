namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>
/// One <c>props</c> event the exchange published (protocol file 1.7), with the account and user it concerns so the
/// server can send it only to sockets whose sync covers them (both null: shared reference data, sent to every socket).
/// </summary>
public sealed record FakePropsEvent(string EntityType, string EventType, IFakeEntity Entity, long? AccountId, long? UserId)
{
    /// <summary><c>{"e":"props","d":{"entityType","eventType","entity"}}</c>.</summary>
    public string ToJson() => FakeTradovateConnection.Props(EntityType, EventType, FakeExchangeJson.Serialize(Entity));

    public override string ToString() => $"{EntityType} {EventType} {Entity.Id}";
}
