using System.Net.WebSockets;
using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Wire;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Brokers.Tradovate;

/// <summary>The receive side: one frame at a time, in order; returns an end when the frame ends the session.</summary>
public sealed partial class TradovateSocketSession
{
    private bool _opened;
    private bool _authorized;
    private long _syncRequestId = -1;

    private async Task<TradovateSessionEnd> ReceiveLoopAsync(WebSocket socket, CancellationToken ct)
    {
        var assembler = new TradovateMessageAssembler(options.MaxMessageBytes);
        try
        {
            while (true)
            {
                var received = await assembler.ReceiveAsync(socket, Touch, ct);
                var end = received switch
                {
                    TradovateReceived.Text text => await HandleFrameAsync(socket, TradovateFrame.Parse(text.Value), ct),
                    TradovateReceived.Closed closed => new TradovateSessionEnd(TradovateSessionEndKind.ConnectionLost,
                        $"socket closed without a Tradovate close frame ({closed.Status}: {closed.Description})"),
                    TradovateReceived.TooLarge large => new TradovateSessionEnd(TradovateSessionEndKind.MessageTooLarge,
                        $"message of at least {large.Bytes} bytes exceeds {options.MaxMessageBytes}"),
                    _ => null,
                };
                if (end is not null)
                {
                    return end;
                }
            }
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            return Cancelled;
        }
        catch (WebSocketException ex)
        {
            return new(TradovateSessionEndKind.ConnectionLost, ex.Message);
        }
    }

    private async Task<TradovateSessionEnd?> HandleFrameAsync(WebSocket socket, TradovateFrame frame, CancellationToken ct)
    {
        switch (frame)
        {
            case TradovateFrame.Open when !_opened:
                _opened = true;
                Enter(HandshakeStage.AwaitingAuthorize);
                await SendAsync(socket, TradovateRequest.Authorize(accessToken), ct);
                _heartbeats = HeartbeatLoopAsync(socket, ct);
                return null;
            case TradovateFrame.Open:
                logger.LogWarning("Tradovate sent a second open frame; ignored");
                return null;
            case TradovateFrame.Heartbeat:
                return null;
            case TradovateFrame.Close close:
                return new(TradovateSessionEndKind.ServerClosed, close.Reason ?? $"closed with code {close.Code}", close.Code);
            case TradovateFrame.Malformed bad:
                logger.LogWarning("Skipped malformed Tradovate frame: {Reason} {Excerpt}", bad.Reason, bad.Excerpt);
                return null;
            case TradovateFrame.Messages batch:
                foreach (var message in batch.Items)
                {
                    if (await HandleMessageAsync(socket, message, ct) is { } end)
                    {
                        return end;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private async Task<TradovateSessionEnd?> HandleMessageAsync(WebSocket socket, TradovateMessage message, CancellationToken ct)
    {
        switch (message)
        {
            case TradovateMessage.Response { RequestId: TradovateRequestIds.Authorize } auth when _opened && !_authorized:
                if (!auth.IsSuccess)
                {
                    return new(TradovateSessionEndKind.AuthorizationFailed, auth.Error ?? $"authorize answered with status {auth.Status}")
                    {
                        AnswerStatus = auth.Status,
                    };
                }

                _authorized = true;
                _syncRequestId = _ids.Next();
                Enter(HandshakeStage.AwaitingSync);
                await SendAsync(socket, TradovateRequest.Build(TradovateSyncRequest.Endpoint, _syncRequestId, null, syncRequest.ToJson()), ct);
                return null;
            case TradovateMessage.Response sync when sync.RequestId == _syncRequestId:
                return OnSyncResponse(sync);
            case TradovateMessage.Response other:
                logger.LogDebug("Ignored Tradovate response {RequestId} with status {Status}", other.RequestId, other.Status);
                return null;
            case TradovateMessage.Event { Kind: TradovateEventKind.Props } props:
                OnProps(props.Data);
                return null;
            case TradovateMessage.Event { Kind: TradovateEventKind.Shutdown } shutdown:
                return new(TradovateSessionEndKind.Shutdown, ShutdownReason(shutdown.Data));
            case TradovateMessage.Event other:
                logger.LogDebug("Ignored Tradovate event {Name}", other.Name);
                return null;
            case TradovateMessage.Malformed bad:
                logger.LogWarning("Skipped malformed Tradovate message: {Reason} {Excerpt}", bad.Reason, bad.Excerpt);
                return null;
            default:
                return null;
        }
    }

    private TradovateSessionEnd? OnSyncResponse(TradovateMessage.Response sync)
    {
        if (!sync.IsSuccess)
        {
            return new(TradovateSessionEndKind.SyncRejected, sync.Error ?? $"user/syncrequest answered with status {sync.Status}");
        }

        if (sync.Data is { ValueKind: JsonValueKind.Object } answer && answer.TryGetProperty("p-ticket", out _))
        {
            // Protocol file 1.4: a penalty ticket means the sync was not executed, so no snapshot and no props follow.
            return new(TradovateSessionEndKind.SyncRejected, $"user/syncrequest answered with a penalty ticket, not a snapshot: {TradovateFrame.ExcerptOf(answer.GetRawText())}");
        }

        Enter(HandshakeStage.Synced);
        if (sync.Data is { } data)
        {
            _messages.Writer.TryWrite(new TradovateSessionMessage.Snapshot(data));
        }
        else
        {
            logger.LogWarning("Tradovate answered user/syncrequest without data");
        }

        return null;
    }

    private void OnProps(JsonElement data)
    {
        var decoded = TradovateProps.Decode(data);
        if (!decoded.IsOk || decoded.Value is null)
        {
            logger.LogWarning("Skipped malformed Tradovate props event: {Reason}", decoded.Reason);
            return;
        }

        foreach (var change in decoded.Value)
        {
            _messages.Writer.TryWrite(new TradovateSessionMessage.Props(change));
        }
    }

    /// <summary><c>{"reasonCode":"Maintenance","reason":"optional text"}</c> as "Maintenance: optional text".</summary>
    internal static string ShutdownReason(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            return $"shutdown: {data.GetRawText()}";
        }

        var code = data.TryGetProperty("reasonCode", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var text = data.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        return (code, text) switch
        {
            (null, null) => "shutdown",
            (_, null) => code!,
            (null, _) => text!,
            _ => $"{code}: {text}",
        };
    }
}
