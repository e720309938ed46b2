using System.Security.Cryptography;
using System.Text;

namespace CopyTrader.Domain.Copying;

/// <summary>
/// The client order id of every order we send on a follower: <c>CT-{leader event hash}-{follower id}</c>.
/// Deterministic per (leader event, follower), so a resend after a crash carries the same id, and short
/// enough for every broker's client-order-id field. Fills carrying it are ours and are never copied.
/// </summary>
public static class CopyTag
{
    public const string Prefix = "CT-";

    public static string For(int leaderAccountId, string leaderEventId, int followerId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{leaderAccountId}:{leaderEventId}"));
        return $"{Prefix}{Convert.ToHexString(hash, 0, 6)}-{followerId}";
    }

    public static bool IsCopyTag(string? clientOrderId) =>
        clientOrderId is not null && clientOrderId.StartsWith(Prefix, StringComparison.Ordinal);
}
