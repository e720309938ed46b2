using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CopyTrader.Tests.Fakes.Tradovate.Exchange;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Fakes.Tradovate.ExchangeTests;

/// <summary>A fake exchange on loopback with a FakeTimeProvider, raw HttpClient calls and raw sockets against it.</summary>
internal sealed class FakeExchangeHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 4, 14, 30, 0, 123, TimeSpan.Zero);

    public const string Token = FakeTradovateServer.DefaultToken;

    private readonly List<FakeExchangeSocket> _sockets = [];

    private FakeExchangeHarness(FakeTradovateServer server, FakeTimeProvider clock)
    {
        Server = server;
        Clock = clock;
        Http = new HttpClient { BaseAddress = new Uri(server.RestBaseUrl + "/"), Timeout = TimeSpan.FromSeconds(5) };
    }

    public FakeTradovateServer Server { get; }

    public FakeTradovateExchange Exchange => Server.Exchange;

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    /// <summary>The seeded account (DEMO25) of the primary user.</summary>
    public static long AccountId => FakeTradovateSnapshot.AccountId;

    public static long UserId => FakeTradovateSnapshot.UserId;

    public static async Task<FakeExchangeHarness> StartAsync(Func<FakeTradovateOptions, FakeTradovateOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var options = FakeTradovateOptions.ForExchange(clock);
        return new FakeExchangeHarness(await FakeTradovateServer.StartAsync(configure?.Invoke(options) ?? options), clock);
    }

    public static object Market(long accountId, string action, int qty, string symbol = "NQZ6") =>
        new { accountId, action, symbol, orderQty = qty, orderType = "Market", isAutomated = true };

    public static object Limit(long accountId, string action, int qty, decimal price, string symbol = "NQZ6") =>
        new { accountId, action, symbol, orderQty = qty, orderType = "Limit", price, isAutomated = true };

    /// <summary>POSTs a JSON body (a string is sent as is) with a bearer (null: no Authorization header).</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string endpoint, object body, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, token);
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string endpointAndQuery, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpointAndQuery);
        return await SendAsync(request, token);
    }

    /// <summary>POSTs and asserts HTTP 200 with a JSON object.</summary>
    public async Task<JsonObject> PostOkAsync(string endpoint, object body, string? token = Token)
    {
        var (status, text) = await PostAsync(endpoint, body, token);
        Assert.True(status == HttpStatusCode.OK, $"{endpoint}: {(int)status} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonNode> GetOkAsync(string endpointAndQuery, string? token = Token)
    {
        var (status, text) = await GetAsync(endpointAndQuery, token);
        Assert.True(status == HttpStatusCode.OK, $"{endpointAndQuery}: {(int)status} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Places through REST and returns the orderId, asserting success.</summary>
    public async Task<long> PlaceAsync(object body) => (long)(await PostOkAsync("order/placeorder", body))["orderId"]!;

    /// <summary>Opens a socket, authorizes and syncs (null body: no sync).</summary>
    public async Task<FakeExchangeSocket> ConnectAsync(string token = Token, string? syncBody = null)
    {
        var socket = await FakeExchangeSocket.OpenAsync(Server.WebSocketUrl, token, syncBody ?? $"{{\"users\":[{UserId}]}}");
        _sockets.Add(socket);
        return socket;
    }

    /// <summary>Gets a token for a login through <c>auth/accesstokenrequest</c>.</summary>
    public async Task<string> LoginAsync(string name, string password)
    {
        var rest = Server.Rest.Options;
        var body = new { name, password, appId = "CopyTrader", appVersion = "1.0", cid = rest.Cid, sec = rest.Sec, deviceId = "device-1" };
        var granted = await PostOkAsync("auth/accesstokenrequest", body, token: null);
        return (string?)granted["accessToken"] ?? throw new InvalidOperationException(granted.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets)
        {
            await socket.DisposeAsync();
        }

        Http.Dispose();
        await Server.DisposeAsync();
    }

    private async Task<(HttpStatusCode, string)> SendAsync(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
