namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>A client frame as the fake saw it; <see cref="BeforeOpen"/> marks a frame sent before <c>o</c> (a violation).</summary>
public sealed record FakeTradovateReceivedFrame(DateTimeOffset At, string Text, bool BeforeOpen);
