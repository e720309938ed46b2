namespace CopyTrader.Infrastructure.ApiKeys;

/// <summary>
/// API keys per user: create (the plain key is returned once and never stored), list, revoke, and find the
/// owner of a presented key. Every method but <see cref="FindActiveAsync"/> acts only on the owner's own keys.
/// </summary>
public interface IApiKeyService
{
    /// <summary>Refused with a <see cref="CopyTrader.Domain.CopyTraderDomainException"/> when the name is empty or too long.</summary>
    Task<CreatedApiKey> CreateAsync(string ownerUserId, string name, CancellationToken ct = default);

    /// <summary>The owner's keys, newest first, revoked ones included.</summary>
    Task<IReadOnlyList<ApiKeySummary>> ListAsync(string ownerUserId, CancellationToken ct = default);

    /// <summary>False when the owner has no key with this id.</summary>
    Task<bool> RevokeAsync(string ownerUserId, int keyId, CancellationToken ct = default);

    /// <summary>The holder of a key that exists and is not revoked, or null; records the key's use.</summary>
    Task<ApiKeyHolder?> FindActiveAsync(string presentedKey, CancellationToken ct = default);
}

public sealed record ApiKeySummary(int Id, string Name, string Prefix, DateTimeOffset CreatedUtc, DateTimeOffset? LastUsedUtc, DateTimeOffset? RevokedUtc)
{
    public bool IsRevoked => RevokedUtc is not null;

    internal static ApiKeySummary Of(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.CreatedUtc, key.LastUsedUtc, key.RevokedUtc);
}

/// <summary>A new key: <see cref="PlainKey"/> is shown to the user once; only its hash is kept.</summary>
public sealed record CreatedApiKey(ApiKeySummary Key, string PlainKey);

public sealed record ApiKeyHolder(int KeyId, string OwnerUserId);
