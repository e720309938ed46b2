namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// A request that carried a p-ticket the fake issued: whether its body, less <c>"p-ticket"</c>, equals the penalised
/// original [C: "identical body plus p-ticket"], whether it came before <c>p-time</c> elapsed, and whether the
/// ticket had <c>p-captcha</c> (which a program cannot clear: the fake answers the penalty again).
/// </summary>
public sealed record FakeTradovatePenaltyResend(string Endpoint, string Ticket, bool BodyMatched, bool Early, bool Captcha);
