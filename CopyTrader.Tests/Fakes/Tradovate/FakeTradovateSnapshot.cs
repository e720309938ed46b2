namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// A small initial snapshot shaped like the protocol file's SyncMessage (1.6): <c>users</c> and
/// <c>contractGroups</c> always present, the other arrays optional.
/// </summary>
public static class FakeTradovateSnapshot
{
    public const long UserId = 7001;
    public const long AccountId = 25;

    public const string Default = """
        {"users":[{"id":7001,"name":"DEMOUSER","status":"Active"}],
         "accounts":[{"id":25,"name":"DEMO25","userId":7001,"accountType":"Customer","active":true,"archived":false}],
         "contractGroups":[],"positions":[],"orders":[],"fills":[],"cashBalances":[],"contracts":[]}
        """;
}
