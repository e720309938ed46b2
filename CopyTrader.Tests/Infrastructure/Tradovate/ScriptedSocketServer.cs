using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

/// <summary>
/// A bare WebSocket endpoint on 127.0.0.1 that sends nothing on its own: the test reads what the client sent and
/// answers (or stays silent) step by step, for stalls the Tradovate fake cannot produce.
/// </summary>
internal sealed class ScriptedSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ScriptedSocket> _accepted = Channel.CreateUnbounded<ScriptedSocket>();

    private ScriptedSocketServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<ScriptedSocketServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseWebSockets();
        var server = new ScriptedSocketServer(app);
        app.Map("/v1/websocket", (RequestDelegate)server.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/v1/websocket");
        return server;
    }

    public async Task<ScriptedSocket> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        return await _accepted.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var scripted = new ScriptedSocket(socket);
        _accepted.Writer.TryWrite(scripted);
        await scripted.ReceiveLoopAsync(context.RequestAborted);
    }
}

/// <summary>One client socket of <see cref="ScriptedSocketServer"/>: its text frames in order, and a way to answer.</summary>
internal sealed class ScriptedSocket(WebSocket socket)
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();

    /// <summary>The client's next text frame that is not a <c>[]</c> heartbeat.</summary>
    public async Task<string> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public Task SendAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    internal async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                if (text != "[]")
                {
                    _received.Writer.TryWrite(text);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}
