namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>An id or name the exchange does not know; the REST layer answers it with 404.</summary>
public sealed class FakeTradovateNotFoundException(string entityType, string key)
    : KeyNotFoundException($"{entityType} {key} not found")
{
    public string EntityType { get; } = entityType;
}
