using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>One HTTP exchange of the pipeline (request, Bearer, JSON, timeout on the TimeProvider) and its log lines.</summary>
public sealed partial class TradovateRestClient
{
    private async Task<TradovateReply> ExchangeAsync(TradovateRestRequest request, string token, string? penaltyTicket, CancellationToken ct)
    {
        var timeout = request.Timeout ?? _options.RequestTimeout;
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            using var message = Build(request, token, penaltyTicket);
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return TradovateResponseReader.Read(request.Target, response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new TradovateReply.Failure(new TradovateError(
                TradovateErrorKind.Timeout, request.Target, $"no answer within {timeout.TotalSeconds:0.###} s; whether it took effect is unknown"));
        }
        catch (HttpRequestException ex)
        {
            return new TradovateReply.Failure(new TradovateError(
                TradovateErrorKind.Transport, request.Target, $"network error: {ex.Message}; whether it took effect is unknown"));
        }
    }

    private HttpRequestMessage Build(TradovateRestRequest request, string token, string? penaltyTicket)
    {
        var query = request.Query;
        if (request.Body is null && penaltyTicket is not null)
        {
            // [U] The docs show the ticket in a JSON body; a GET has none, so it goes into the query.
            query = (query.Length == 0 ? "" : query + "&") + "p-ticket=" + Uri.EscapeDataString(penaltyTicket);
        }

        var message = new HttpRequestMessage(request.Method, Endpoint(request.Path, query));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body.ToBytes(penaltyTicket));
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return message;
    }

    private Uri Endpoint(string path, string query)
    {
        var text = (_http.BaseAddress ?? throw new InvalidOperationException("TradovateRestClient needs the REST base address")).AbsoluteUri;
        var relative = query.Length == 0 ? path : $"{path}?{query}";
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), relative);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Tradovate {Login} {Method} {Target}: ok")]
    private partial void LogSucceeded(string login, string method, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tradovate {Login} {Method} {Target} failed ({Kind}): {Reason}")]
    private partial void LogFailed(string login, string method, string target, TradovateErrorKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tradovate {Login} {Target}: penalty ticket, resending after {Seconds} s (resend {Resend})")]
    private partial void LogPenalty(string login, string target, double seconds, int resend);
}
