using System.Text.Json;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>What one HTTP exchange said, before the pipeline decides to retry, wait, lock or return.</summary>
internal abstract record TradovateReply
{
    private TradovateReply()
    {
    }

    /// <summary>A 2xx JSON answer that is not an error shape.</summary>
    public sealed record Success(JsonElement Body) : TradovateReply;

    /// <summary>HTTP 200 with <c>p-ticket</c>: not executed; resend after <see cref="Wait"/> with the ticket.</summary>
    public sealed record Penalty(string Ticket, TimeSpan Wait, bool Captcha) : TradovateReply;

    public sealed record Unauthorized(string Body) : TradovateReply;

    public sealed record RateLimited : TradovateReply;

    public sealed record Failure(TradovateError Error) : TradovateReply;
}
