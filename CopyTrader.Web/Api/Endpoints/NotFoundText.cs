namespace CopyTrader.Web.Api.Endpoints;

/// <summary>The 404 details, worded like the services' own refusals.</summary>
internal static class NotFoundText
{
    public static string Connection(int id) => $"Connection {id} does not exist.";

    public static string Account(int id) => $"Trading account {id} does not exist.";

    public static string Group(int id) => $"Copy group {id} does not exist.";

    public static string Follower(int id) => $"Follower {id} does not exist.";
}
