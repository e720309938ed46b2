namespace CopyTrader.Infrastructure.Brokers.Tradovate.Trading;

/// <summary>A login refused by Tradovate for a while (HTTP 429 or a captcha penalty): every call fails at once until <see cref="Until"/>.</summary>
public sealed record TradovateLoginLock(string Reason, DateTimeOffset Until);
