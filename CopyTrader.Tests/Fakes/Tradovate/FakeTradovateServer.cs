using System.Collections.Concurrent;
using System.Threading.Channels;
using CopyTrader.Tests.Fakes.Tradovate.Api;
using CopyTrader.Tests.Fakes.Tradovate.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// A fake Tradovate on 127.0.0.1 and a free port (protocol file 1.2-1.11). The trading WebSocket sends <c>o</c>,
/// checks <c>authorize</c>, answers <c>user/syncrequest</c> with a snapshot (fixed, or built from
/// <see cref="Exchange"/>), then pushes the exchange's <c>props</c>; it sends <c>h</c> when idle and drops silent
/// clients. REST under <c>/v1</c>: auth (<see cref="Rest"/>) and the trading API over the exchange. Every request
/// is in <see cref="Requests"/>; fault knobs are in <see cref="Faults"/>.
/// </summary>
public sealed class FakeTradovateServer : IAsyncDisposable
{
    public const string DefaultToken = "fake-access-token";
    public const string Path = "/v1/websocket";

    private readonly WebApplication _app;
    private readonly FakeTradovateBackend _backend;
    private readonly ConcurrentQueue<FakeTradovateConnection> _connections = new();
    private readonly Channel<FakeTradovateConnection> _accepted = Channel.CreateUnbounded<FakeTradovateConnection>();

    private FakeTradovateServer(WebApplication app, FakeTradovateOptions options)
    {
        _app = app;
        Rest = new FakeTradovateRest(options.Rest);
        Faults = new FakeTradovateFaults(options.TimeProvider);
        Exchange = new FakeTradovateExchange(options.TimeProvider, Faults, Rest);
        _backend = new FakeTradovateBackend(
            options, Exchange, Faults, new FakeTradovateAccess(options, Rest), new FakeTradovateApi(Exchange), new FakeTradovateRequestLog());
        Exchange.Published += batch =>
        {
            foreach (var connection in _connections)
            {
                connection.Offer(batch);
            }
        };
    }

    /// <summary>The <c>ws://127.0.0.1:port/v1/websocket</c> address to connect to.</summary>
    public Uri WebSocketUrl { get; private set; } = null!;

    /// <summary>The REST base <c>http://127.0.0.1:port/v1</c>, without a trailing slash like the documented URLs.</summary>
    public Uri RestBaseUrl { get; private set; } = null!;

    /// <summary>The REST auth endpoints on the same app, with their knobs, records and token table.</summary>
    public FakeTradovateRest Rest { get; }

    /// <summary>The in-memory exchange: accounts, contracts, prices, orders, fills, positions, cash.</summary>
    public FakeTradovateExchange Exchange { get; }

    /// <summary>Fault knobs, settable at any time.</summary>
    public FakeTradovateFaults Faults { get; }

    /// <summary>Every REST and socket request, in arrival order.</summary>
    public FakeTradovateRequestLog Requests => _backend.Log;

    /// <summary>Tolerated client mistakes on the trading API (no isAutomated:true, accountSpec naming another account).</summary>
    public IReadOnlyList<string> ApiViolations => _backend.Api.Violations;

    public IReadOnlyList<FakeTradovateConnection> Connections => [.. _connections];

    public static async Task<FakeTradovateServer> StartAsync(FakeTradovateOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseWebSockets();
        var resolved = options ?? new FakeTradovateOptions();
        var server = new FakeTradovateServer(app, resolved);
        app.Map(Path, (RequestDelegate)server.AcceptAsync);
        server.Rest.Map(app);
        new FakeTradovateHttp(server.Requests, server.Faults, server._backend.Access, server._backend.Api, resolved.TimeProvider).Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.WebSocketUrl = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + Path);
        server.RestBaseUrl = new Uri(address + "/v1");
        return server;
    }

    /// <summary>Requests to one endpoint, e.g. <c>RequestsTo("order/placeorder")</c>.</summary>
    public IReadOnlyList<FakeTradovateRequest> RequestsTo(string endpoint) => Requests.To(endpoint);

    /// <summary>The next socket a client opens (in order of arrival).</summary>
    public async Task<FakeTradovateConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(3));
        return await _accepted.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Drops every open socket with no close handshake.</summary>
    public void DropAllConnections()
    {
        foreach (var connection in _connections)
        {
            connection.Drop();
        }
    }

    /// <summary>
    /// Session end, way (a) of protocol file 1.10 [U]: a <c>shutdown</c> event then a close on every open socket; a
    /// client that reconnects and syncs gets a snapshot holding the day's orders and fills.
    /// </summary>
    public async Task EndSessionAsync(string reasonCode = "Maintenance", string? reason = null)
    {
        foreach (var connection in _connections.Where(c => !c.Closed.IsCompleted))
        {
            await connection.ShutdownAsync(reasonCode, reason);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Faults.ReleaseRest();
        Faults.ResumeSockets();
        foreach (var connection in _connections)
        {
            connection.Drop();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeTradovateConnection(socket, _backend);
        _connections.Enqueue(connection);
        _accepted.Writer.TryWrite(connection);
        await connection.RunAsync(context.RequestAborted);
    }
}
