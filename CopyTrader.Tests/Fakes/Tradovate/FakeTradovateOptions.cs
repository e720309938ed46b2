namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>Knobs of <see cref="FakeTradovateServer"/>; the [U] facts of the protocol file are knobs here.</summary>
public sealed record FakeTradovateOptions
{
    /// <summary>Tokens that <c>authorize</c> accepts; any other gets s:401 "Invalid access token" [C example text].</summary>
    public IReadOnlySet<string> ValidTokens { get; init; } = new HashSet<string> { FakeTradovateServer.DefaultToken };

    /// <summary>How long after the upgrade the server sends <c>o</c> (the real one sends it at once) [C].</summary>
    public TimeSpan OpenDelay { get; init; } = TimeSpan.Zero;

    /// <summary>When true the fake sends <c>o</c> only once the test calls <see cref="FakeTradovateConnection.ReleaseOpen"/>.</summary>
    public bool ManualOpen { get; init; }

    /// <summary>How often the server sends <c>h</c> while idle (about 2.5 s [C]); null never sends one.</summary>
    public TimeSpan? HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Client silence after which the server drops the socket; not documented [U].</summary>
    public TimeSpan ClientSilenceTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A fixed <c>d</c> for the <c>user/syncrequest</c> answer (protocol file 1.6); null builds it from
    /// <see cref="FakeTradovateServer.Exchange"/> for the accounts the request covers (see <see cref="ForExchange"/>).
    /// </summary>
    public string? SnapshotJson { get; init; } = FakeTradovateSnapshot.Default;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The account and token lifetime of the REST auth endpoints (<see cref="FakeTradovateRest"/>).</summary>
    public FakeTradovateRestOptions Rest { get; init; } = new();

    /// <summary>
    /// Options for a fake exchange: sync snapshots built from the exchange, and one clock for exchange timestamps,
    /// socket timers and token expiry. With a FakeTimeProvider no <c>h</c> is sent and no silent client is dropped
    /// until the test advances it.
    /// </summary>
    public static FakeTradovateOptions ForExchange(TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        return new FakeTradovateOptions { SnapshotJson = null, TimeProvider = clock, Rest = new FakeTradovateRestOptions { TimeProvider = clock } };
    }
}
