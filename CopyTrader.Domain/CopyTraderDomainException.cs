namespace CopyTrader.Domain;

/// <summary>A rule of the domain was broken; the message says which, in words a trader understands.</summary>
public sealed class CopyTraderDomainException(string message) : Exception(message);
