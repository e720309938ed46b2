using System.Text.Json;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>
/// The REST pipeline of one Tradovate login, shared by every account of it (protocol file 1.1-1.4): Bearer token, JSON
/// in and out, the login's rate limit, one token renewal and retry after a 401, penalty tickets waited out and resent,
/// and a lock after a 429 or a captcha penalty that refuses further calls until it ends. Every outcome is explicit.
/// Create it with <see cref="TradovateRestClientFactory.For"/>.
/// </summary>
public sealed partial class TradovateRestClient
{
    private readonly HttpClient _http;
    private readonly ITradovateTokenSource _tokens;
    private readonly TradovateLoginGate _gate;
    private readonly TradovateTradingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal TradovateRestClient(
        HttpClient http,
        string environment,
        string loginKey,
        ITradovateTokenSource tokens,
        TradovateLoginGate gate,
        TradovateTradingOptions options,
        TimeProvider time,
        ILogger logger)
    {
        _http = http;
        Environment = environment;
        LoginKey = loginKey;
        _tokens = tokens;
        _gate = gate;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public string Environment { get; }

    public string LoginKey { get; }

    /// <summary>The login's lock (after HTTP 429 or a captcha penalty), or null when calls may go.</summary>
    public TradovateLoginLock? CurrentLock => _gate.CurrentLock;

    /// <summary>Requests of this login waiting for a rate-limit slot right now.</summary>
    public int WaitingForRateLimit => _gate.Limiter.Waiting;

    /// <summary>Sends the request through the pipeline and returns the JSON answer or why there is none.</summary>
    public async Task<TradovateResult<JsonElement>> SendAsync(TradovateRestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await RunAsync(request, ct);
        if (result.IsSuccess)
        {
            LogSucceeded(LoginKey, request.Method.Method, request.Target);
        }
        else
        {
            LogFailed(LoginKey, request.Method.Method, request.Target, result.Error.Kind, result.Error.Message);
        }

        return result;
    }

    private async Task<TradovateResult<JsonElement>> RunAsync(TradovateRestRequest request, CancellationToken ct)
    {
        string? penaltyTicket = null;
        var penaltyResends = 0;
        var renewed = false;
        while (true)
        {
            if (Refusal(request) is { } refused)
            {
                return refused;
            }

            if (_tokens.AccessToken is not { Length: > 0 } token)
            {
                return Fail(TradovateErrorKind.NotSignedIn, request, $"login {LoginKey} has no access token; sign in first");
            }

            await _gate.Limiter.AcquireAsync(request.Priority, ct);
            if (Refusal(request) is { } lockedWhileWaiting)
            {
                return lockedWhileWaiting;
            }

            var reply = await ExchangeAsync(request, token, penaltyTicket, ct);
            switch (reply)
            {
                case TradovateReply.Success success:
                    return TradovateResult<JsonElement>.Ok(success.Body);
                case TradovateReply.Failure failure:
                    return TradovateResult<JsonElement>.Fail(failure.Error);
                case TradovateReply.RateLimited:
                    return RateLimited(request);
                case TradovateReply.Unauthorized unauthorized when renewed:
                    return Fail(TradovateErrorKind.Unauthorized, request,
                        $"HTTP 401 again after renewing the access token: {TradovateResponseReader.Excerpt(unauthorized.Body)}", 401);
                case TradovateReply.Unauthorized unauthorized:
                    if (await RenewAsync(request, token, unauthorized, ct) is { } renewalFailed)
                    {
                        return renewalFailed;
                    }

                    renewed = true;
                    break;
                case TradovateReply.Penalty penalty:
                    if (PenaltyEnd(request, penalty, penaltyResends) is { } stop)
                    {
                        return stop;
                    }

                    LogPenalty(LoginKey, request.Target, penalty.Wait.TotalSeconds, penaltyResends + 1);
                    await Task.Delay(penalty.Wait, _time, ct);
                    penaltyTicket = penalty.Ticket;
                    penaltyResends++;
                    break;
            }
        }
    }

    private TradovateResult<JsonElement>? Refusal(TradovateRestRequest request) =>
        _gate.CurrentLock is { } locked
            ? TradovateResult<JsonElement>.Fail(new TradovateError(
                TradovateErrorKind.LoginLocked,
                request.Target,
                $"login {LoginKey} is locked until {locked.Until:yyyy-MM-dd HH:mm:ss}Z ({locked.Reason}); nothing was sent")
            { LockedUntil = locked.Until })
            : null;

    private async Task<TradovateResult<JsonElement>?> RenewAsync(
        TradovateRestRequest request, string rejectedToken, TradovateReply.Unauthorized unauthorized, CancellationToken ct)
    {
        await _gate.Limiter.AcquireAsync(request.Priority, ct); // the renewal is a request on this login too
        var renewal = await _tokens.RenewAsync(rejectedToken, ct);
        return renewal is TradovateAuthResult.Granted
            ? null
            : Fail(TradovateErrorKind.Unauthorized, request,
                $"HTTP 401 ({TradovateResponseReader.Excerpt(unauthorized.Body)}) and the token renewal failed: {renewal.Describe()}", 401);
    }

    private TradovateResult<JsonElement>? PenaltyEnd(TradovateRestRequest request, TradovateReply.Penalty penalty, int resends)
    {
        if (penalty.Captcha)
        {
            var locked = _gate.LockFor(TimeSpan.FromMinutes(_options.CaptchaLockMinutes), "penalty ticket with p-captcha");
            return TradovateResult<JsonElement>.Fail(new TradovateError(
                TradovateErrorKind.PenaltyCaptcha,
                request.Target,
                $"penalty ticket with p-captcha: an app cannot clear it; login {LoginKey} locked until {locked.Until:yyyy-MM-dd HH:mm:ss}Z")
            { HttpStatus = 200, LockedUntil = locked.Until });
        }

        if (resends >= _options.PenaltyRetryLimit)
        {
            return Fail(TradovateErrorKind.PenaltyPersisted, request,
                $"penalty ticket still there after {resends} resend(s) with the ticket (p-time {penalty.Wait.TotalSeconds:0.###} s); not executed", 200);
        }

        return penalty.Wait > TimeSpan.FromSeconds(_options.PenaltyMaxWaitSeconds)
            ? Fail(TradovateErrorKind.PenaltyPersisted, request,
                $"penalty ticket asks to wait {penalty.Wait.TotalSeconds:0.###} s, more than Tradovate:PenaltyMaxWaitSeconds ({_options.PenaltyMaxWaitSeconds}); not executed", 200)
            : null;
    }

    private TradovateResult<JsonElement> RateLimited(TradovateRestRequest request)
    {
        var locked = _gate.LockFor(TimeSpan.FromMinutes(_options.RateLimitLockMinutes), "rate limited by Tradovate (HTTP 429)");
        return TradovateResult<JsonElement>.Fail(new TradovateError(
            TradovateErrorKind.RateLimited,
            request.Target,
            $"rate limited by Tradovate (HTTP 429); login {LoginKey} locked until {locked.Until:yyyy-MM-dd HH:mm:ss}Z")
        { HttpStatus = 429, LockedUntil = locked.Until });
    }

    private static TradovateResult<JsonElement> Fail(TradovateErrorKind kind, TradovateRestRequest request, string message, int? status = null) =>
        TradovateResult<JsonElement>.Fail(new TradovateError(kind, request.Target, message) { HttpStatus = status });
}
