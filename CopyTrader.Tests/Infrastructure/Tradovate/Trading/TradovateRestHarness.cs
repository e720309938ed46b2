using CopyTrader.Infrastructure.Brokers.Tradovate.Auth;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

/// <summary>
/// A scripted server, a watched fake clock, and the production <see cref="TradovateRestClientFactory"/> resolved from
/// <c>AddTradovate</c> with an environment named <c>scripted</c> pointing at the server.
/// </summary>
internal sealed class TradovateRestHarness : IAsyncDisposable
{
    public const string Environment = "scripted";
    public const string Login = "login-1";
    public static readonly DateTimeOffset Start = new(2026, 11, 4, 14, 30, 0, TimeSpan.Zero);

    private TradovateRestHarness(ScriptedTradovateHttp server, WatchedClock clock, ServiceProvider services)
    {
        Server = server;
        Clock = clock;
        Services = services;
        Factory = services.GetRequiredService<TradovateRestClientFactory>();
        Client = Factory.For(Environment, Login, Tokens);
    }

    public ScriptedTradovateHttp Server { get; }

    public WatchedClock Clock { get; }

    public ServiceProvider Services { get; }

    public TradovateRestClientFactory Factory { get; }

    public ScriptedTokens Tokens { get; } = new();

    public TradovateRestClient Client { get; }

    public TradovateOrderClient Orders => new(Client);

    public static async Task<TradovateRestHarness> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var clock = new WatchedClock(Start);
        var server = await ScriptedTradovateHttp.StartAsync(clock);
        var all = new Dictionary<string, string?>
        {
            [$"Tradovate:Environments:{Environment}:RestBaseUrl"] = server.RestBaseUrl.ToString(),
            [$"Tradovate:Environments:{Environment}:WebSocketUrl"] = "ws://127.0.0.1:1/v1/websocket",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[$"Tradovate:{key}"] = value;
        }

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(all).Build())
            .AddSingleton<TimeProvider>(clock)
            .AddLogging();
        services.AddTradovate();
        return new TradovateRestHarness(server, clock, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>A token source whose renewals a test scripts; a granted renewal switches to the new token.</summary>
internal sealed class ScriptedTokens : ITradovateTokenSource
{
    private readonly Queue<TradovateAuthResult> _renewals = new();

    public string? AccessToken { get; set; } = "token-1";

    public List<string> RenewedFrom { get; } = [];

    public ScriptedTokens Renewal(TradovateAuthResult result)
    {
        _renewals.Enqueue(result);
        return this;
    }

    public Task<TradovateAuthResult> RenewAsync(string rejectedAccessToken, CancellationToken ct)
    {
        RenewedFrom.Add(rejectedAccessToken);
        var result = _renewals.Count > 0
            ? _renewals.Dequeue()
            : new TradovateAuthResult.Granted(new TradovateToken($"token-{RenewedFrom.Count + 1}", null, TradovateRestHarness.Start.AddHours(2), 1, "joe"));
        if (result is TradovateAuthResult.Granted granted)
        {
            AccessToken = granted.Token.AccessToken;
        }

        return Task.FromResult(result);
    }
}
