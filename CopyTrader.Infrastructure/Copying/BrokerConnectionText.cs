namespace CopyTrader.Infrastructure.Copying;

/// <summary>The one wording, everywhere, for an account whose broker connection is down.</summary>
internal static class BrokerConnectionText
{
    public static string NotConnected(string accountName) => $"The broker connection of '{accountName}' is not connected.";
}
