using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

/// <summary>
/// Typed client for Tradovate's auth endpoints (protocol file 1.2-1.4). The injected <see cref="HttpClient"/>'s
/// base address is the REST base, e.g. <c>https://demo.tradovateapi.com/v1</c>. It never retries, never waits
/// out a penalty and never reads the clock: the caller decides what to do with each <see cref="TradovateAuthResult"/>.
/// </summary>
public sealed class TradovateAuthClient(HttpClient http, ILogger<TradovateAuthClient> logger)
{
    private const string TokenRequestPath = "auth/accesstokenrequest";
    private const string RenewPath = "auth/renewaccesstoken";

    /// <summary><c>POST auth/accesstokenrequest</c> without an Authorization header [C].</summary>
    public Task<TradovateAuthResult> RequestTokenAsync(TradovateCredentials credentials, CancellationToken ct) =>
        PostTokenRequestAsync(credentials, penaltyTicket: null, ct);

    /// <summary>The same request again after a <see cref="TradovateAuthResult.Penalty"/>: identical body plus <c>"p-ticket"</c> [C].</summary>
    public Task<TradovateAuthResult> RetryWithTicketAsync(TradovateCredentials credentials, string penaltyTicket, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(penaltyTicket);
        return PostTokenRequestAsync(credentials, penaltyTicket, ct);
    }

    /// <summary><c>GET auth/renewaccesstoken</c> with the current token as Bearer, no body [C].</summary>
    public Task<TradovateAuthResult> RenewTokenAsync(string accessToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var request = new HttpRequestMessage(HttpMethod.Get, Endpoint(RenewPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return SendAsync(request, "renewaccesstoken", ct);
    }

    private Task<TradovateAuthResult> PostTokenRequestAsync(TradovateCredentials credentials, string? penaltyTicket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var content = new ByteArrayContent(TradovateAuthRequestBody.Write(credentials, penaltyTicket));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(TokenRequestPath)) { Content = content };
        return SendAsync(request, "accesstokenrequest", ct);
    }

    private async Task<TradovateAuthResult> SendAsync(HttpRequestMessage request, string operation, CancellationToken ct)
    {
        using (request)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var result = await ExchangeAsync(request, ct);
            Log(operation, result);
            return result;
        }
    }

    private async Task<TradovateAuthResult> ExchangeAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return TradovateAuthResponseReader.Read(response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new TradovateAuthResult.Failed($"Timed out after {http.Timeout}");
        }
        catch (HttpRequestException ex)
        {
            return new TradovateAuthResult.Failed($"Network error: {ex.Message}");
        }
    }

    /// <summary>Resolves against the base address even when it lacks the trailing slash (<c>.../v1</c>).</summary>
    private Uri Endpoint(string relative)
    {
        var baseAddress = http.BaseAddress
            ?? throw new InvalidOperationException("TradovateAuthClient needs an HttpClient with the REST base address, e.g. https://demo.tradovateapi.com/v1");
        var text = baseAddress.AbsoluteUri;
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), relative);
    }

    private void Log(string operation, TradovateAuthResult result)
    {
        if (result is TradovateAuthResult.Granted)
        {
            logger.LogInformation("Tradovate {Operation}: {Outcome}", operation, result.Describe());
        }
        else
        {
            logger.LogWarning("Tradovate {Operation}: {Outcome}", operation, result.Describe());
        }
    }
}
