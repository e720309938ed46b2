using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using CopyTrader.Tests.Fakes.Tradovate;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

/// <summary>A fake Tradovate server on loopback, its clock, and a <see cref="TradovateAuthClient"/> pointed at its REST base.</summary>
internal sealed class TradovateAuthHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 4, 14, 30, 0, TimeSpan.Zero);

    private readonly HttpClient _http;

    private TradovateAuthHarness(FakeTradovateServer server, FakeTimeProvider clock, HttpClient http)
    {
        Server = server;
        Clock = clock;
        _http = http;
        Client = new TradovateAuthClient(http, NullLogger<TradovateAuthClient>.Instance);
    }

    public FakeTradovateServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public TradovateAuthClient Client { get; }

    public FakeTradovateRest Rest => Server.Rest;

    public TradovateCredentials Credentials => new(
        Rest.Options.Name, Rest.Options.Password, "CopyTrader", "1.0", Rest.Options.Cid, Rest.Options.Sec, "device-1");

    public static async Task<TradovateAuthHarness> StartAsync(Func<FakeTradovateRestOptions, FakeTradovateRestOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var rest = new FakeTradovateRestOptions { TimeProvider = clock };
        var server = await FakeTradovateServer.StartAsync(new FakeTradovateOptions { Rest = configure?.Invoke(rest) ?? rest, HeartbeatInterval = null });
        var http = new HttpClient { BaseAddress = server.RestBaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        return new TradovateAuthHarness(server, clock, http);
    }

    public async Task<TradovateToken> GrantAsync()
    {
        var result = await Client.RequestTokenAsync(Credentials, CancellationToken.None);
        return Assert.IsType<TradovateAuthResult.Granted>(result).Token;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
