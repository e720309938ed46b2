namespace CopyTrader.Infrastructure.Connections;

/// <summary>The accounts a login lists, or the error that stopped the test (the broker's own words where it gave any).</summary>
public sealed record ConnectionTestResult(IReadOnlyList<DiscoveredAccount> Accounts, string? Error)
{
    public bool Succeeded => Error is null;

    public static ConnectionTestResult Found(IReadOnlyList<DiscoveredAccount> accounts) => new(accounts, null);

    public static ConnectionTestResult Failed(string error) => new([], error);
}

public sealed record DiscoveredAccount(string ExternalId, string Name);

/// <summary>A change done (with the connection's id) or refused (with every reason).</summary>
public sealed record ConnectionChangeResult(int? ConnectionId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ConnectionChangeResult Done(int connectionId) => new(connectionId, []);

    public static ConnectionChangeResult Refused(params IReadOnlyList<string> errors) => new(null, errors);
}
