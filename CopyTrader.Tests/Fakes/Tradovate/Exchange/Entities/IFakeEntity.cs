namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>An entity of the fake exchange; serialised with <see cref="FakeExchangeJson.Options"/> it is the wire shape (protocol file 1.8).</summary>
public interface IFakeEntity
{
    long Id { get; }
}

/// <summary>An entity with a <c>name</c>, reachable through <c>/find?name=</c> and <c>/suggest</c>.</summary>
public interface IFakeNamedEntity : IFakeEntity
{
    string Name { get; }
}
