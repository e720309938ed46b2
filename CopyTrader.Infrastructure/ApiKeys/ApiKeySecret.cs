using System.Security.Cryptography;
using System.Text;

namespace CopyTrader.Infrastructure.ApiKeys;

/// <summary>
/// Makes and hashes API keys: <c>ctk_</c> followed by 32 random bytes in base64url (256 bits).
/// The hash is a plain SHA-256, on purpose: a slow password hash (PBKDF2) protects guessable passwords, and a
/// 256-bit random key cannot be guessed, so it would only add CPU to every API call (a lever for overload on a
/// small box). A server-side HMAC secret would not make a 256-bit key any harder to find either, but would be a
/// second thing to back up whose loss silently invalidates every key. A deterministic hash also lets the key be
/// found by an indexed lookup instead of trying each stored salt.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "ctk_";
    public const int PrefixLength = 12;

    private const int SecretBytes = 32;
    private static readonly int KeyLength = Marker.Length + Base64UrlLength(SecretBytes);

    public static string NewKey() => Marker + ToBase64Url(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>What the settings page shows: the marker and the first characters, never enough to use.</summary>
    public static string PrefixOf(string key) => key[..PrefixLength];

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Has the shape of a key this app makes (checked before touching the database).</summary>
    public static bool LooksLikeKey(string? text) =>
        text is not null && text.Length == KeyLength && text.StartsWith(Marker, StringComparison.Ordinal)
        && text.AsSpan(Marker.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int Base64UrlLength(int bytes) => (bytes * 4 + 2) / 3;
}
