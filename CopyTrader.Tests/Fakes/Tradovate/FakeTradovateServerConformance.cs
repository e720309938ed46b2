using System.Net.WebSockets;
using System.Text;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>The fake's own checks, driven by a raw socket that breaks the protocol on purpose.</summary>
public class FakeTradovateServerConformance
{
    [Fact]
    public async Task RecordsFramesBeforeOpenAndRequestsBeforeAuthorize()
    {
        await using var server = await FakeTradovateServer.StartAsync(new FakeTradovateOptions { ManualOpen = true });
        using var socket = await ConnectAsync(server);
        var connection = await server.NextConnectionAsync();

        await SendAsync(socket, $"authorize\n0\n\n{FakeTradovateServer.DefaultToken}");
        await EventuallyAsync(() => connection.ReceivedFrames.Count == 1);
        connection.ReleaseOpen();
        Assert.Equal("o", await ReceiveAsync(socket));
        await SendAsync(socket, $"user/syncrequest\n1\n\n{{\"users\":[{FakeTradovateSnapshot.UserId}]}}");
        Assert.Equal("a[{\"i\":1,\"s\":401,\"d\":\"Access is denied\"}]", await ReceiveAsync(socket));

        Assert.Equal([true, false], connection.ReceivedFrames.Select(f => f.BeforeOpen));
        Assert.False(connection.IsAuthorized);
        Assert.Equal(2, connection.Violations.Count);
        Assert.Equal(0, connection.SyncRequestCount);
    }

    [Fact]
    public async Task RecordsASecondSyncRequestOnOneSocket()
    {
        await using var server = await FakeTradovateServer.StartAsync();
        using var socket = await ConnectAsync(server);
        Assert.Equal("o", await ReceiveAsync(socket));

        await SendAsync(socket, $"authorize\n0\n\n{FakeTradovateServer.DefaultToken}");
        Assert.Equal("a[{\"s\":200,\"i\":0}]", await ReceiveAsync(socket));
        for (var id = 1; id <= 2; id++)
        {
            await SendAsync(socket, $"user/syncrequest\n{id}\n\n{{\"users\":[{FakeTradovateSnapshot.UserId}]}}");
            Assert.StartsWith($"a[{{\"s\":200,\"i\":{id},\"d\":{{\"users\":", await ReceiveAsync(socket));
        }

        var connection = await server.NextConnectionAsync();
        Assert.Equal(2, connection.SyncRequestCount);
        Assert.Equal("user/syncrequest number 2 on one socket", Assert.Single(connection.Violations));
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(3);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < until, "condition not met in time");
            await Task.Delay(10);
        }
    }

    private static async Task<ClientWebSocket> ConnectAsync(FakeTradovateServer server)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        await socket.ConnectAsync(server.WebSocketUrl, timeout.Token);
        return socket;
    }

    private static async Task SendAsync(WebSocket socket, string text) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);

        return text.ToString();
    }
}
