using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// A Tradovate trading WebSocket on 127.0.0.1 and a free port (protocol file 1.5-1.7, 1.10, 1.11): sends
/// <c>o</c>, checks <c>authorize</c>, answers one <c>user/syncrequest</c> with a snapshot, sends <c>h</c> when
/// idle, drops silent clients, and lets a test push frames through each <see cref="FakeTradovateConnection"/>.
/// </summary>
public sealed class FakeTradovateServer : IAsyncDisposable
{
    public const string DefaultToken = "fake-access-token";
    public const string Path = "/v1/websocket";

    private readonly WebApplication _app;
    private readonly FakeTradovateOptions _options;
    private readonly ConcurrentQueue<FakeTradovateConnection> _connections = new();
    private readonly Channel<FakeTradovateConnection> _accepted = Channel.CreateUnbounded<FakeTradovateConnection>();

    private FakeTradovateServer(WebApplication app, FakeTradovateOptions options)
    {
        _app = app;
        _options = options;
        Rest = new FakeTradovateRest(options.Rest);
    }

    /// <summary>The <c>ws://127.0.0.1:port/v1/websocket</c> address to connect to.</summary>
    public Uri WebSocketUrl { get; private set; } = null!;

    /// <summary>The REST base <c>http://127.0.0.1:port/v1</c>, without a trailing slash like the documented URLs.</summary>
    public Uri RestBaseUrl { get; private set; } = null!;

    /// <summary>The REST auth endpoints on the same app, with their knobs and records.</summary>
    public FakeTradovateRest Rest { get; }

    public IReadOnlyList<FakeTradovateConnection> Connections => [.. _connections];

    public static async Task<FakeTradovateServer> StartAsync(FakeTradovateOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseWebSockets();
        var server = new FakeTradovateServer(app, options ?? new FakeTradovateOptions());
        app.Map(Path, (RequestDelegate)server.AcceptAsync);
        server.Rest.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.WebSocketUrl = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + Path);
        server.RestBaseUrl = new Uri(address + "/v1");
        return server;
    }

    /// <summary>The next socket a client opens (in order of arrival).</summary>
    public async Task<FakeTradovateConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(3));
        return await _accepted.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
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
        var connection = new FakeTradovateConnection(socket, _options);
        _connections.Enqueue(connection);
        _accepted.Writer.TryWrite(connection);
        await connection.RunAsync(context.RequestAborted);
    }
}
