namespace CopyTrader.Infrastructure.ApiKeys;

/// <summary>
/// A user's key for the automation API. Only <see cref="Hash"/> of the secret is stored; <see cref="Prefix"/>
/// is its first characters, kept so the user can tell keys apart. A revoked key stays listed, and never works again.
/// </summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 100;
    public const int PrefixMaxLength = 16;
    public const int HashLength = 64;

    private ApiKey() { }

    public ApiKey(string ownerUserId, string name, string prefix, string hash, DateTimeOffset createdUtc)
    {
        OwnerUserId = ownerUserId;
        Name = name;
        Prefix = prefix;
        Hash = hash;
        CreatedUtc = createdUtc;
    }

    public int Id { get; private set; }
    public string OwnerUserId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";

    /// <summary>SHA-256 of the whole key, lower-case hex (see <see cref="ApiKeySecret"/> for why no slow hash).</summary>
    public string Hash { get; private set; } = "";

    public DateTimeOffset CreatedUtc { get; private set; }
    public DateTimeOffset? LastUsedUtc { get; private set; }
    public DateTimeOffset? RevokedUtc { get; private set; }

    public bool IsRevoked => RevokedUtc is not null;

    /// <summary>Records a use; only once per <paramref name="resolution"/>, so a busy script does not write on every call.</summary>
    public bool MarkUsed(DateTimeOffset now, TimeSpan resolution)
    {
        if (LastUsedUtc is { } last && now - last < resolution)
        {
            return false;
        }

        LastUsedUtc = now;
        return true;
    }

    /// <summary>Revokes once; revoking again keeps the first time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedUtc ??= now;
}
