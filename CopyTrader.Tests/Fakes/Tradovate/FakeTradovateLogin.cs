namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>A name/password the fake token endpoint accepts and the user id its tokens act for.</summary>
public sealed record FakeTradovateLogin(string Name, string Password, long UserId);
