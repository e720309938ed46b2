using CopyTrader.Domain;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.ApiKeys;

internal sealed class ApiKeyService(IDbContextFactory<CopyTraderDbContext> dbFactory, IAuditTrail audit, TimeProvider clock, ILogger<ApiKeyService> logger) : IApiKeyService
{
    /// <summary>"Last used" is kept to the minute: finer would mean a database write on every API call.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiKey> CreateAsync(string ownerUserId, string name, CancellationToken ct = default)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new CopyTraderDomainException("Give the key a name, e.g. the script that will use it.");
        }

        if (trimmed.Length > ApiKey.NameMaxLength)
        {
            throw new CopyTraderDomainException($"A key name has at most {ApiKey.NameMaxLength} characters (got {trimmed.Length}).");
        }

        var plain = ApiKeySecret.NewKey();
        var key = new ApiKey(ownerUserId, trimmed, ApiKeySecret.PrefixOf(plain), ApiKeySecret.HashOf(plain), clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiKeys.Add(key);
        audit.Add(db, new AuditRecord(AuditActions.ApiKeyCreated, AuditSubjects.ApiKey(key.Name, key.Prefix), "Created; the key was shown once and only its hash is stored."));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("API key {KeyId} ({Prefix}) created for user {UserId}", key.Id, key.Prefix, ownerUserId);
        return new CreatedApiKey(ApiKeySummary.Of(key), plain);
    }

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(string ownerUserId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.OwnerUserId == ownerUserId).OrderByDescending(k => k.Id).ToListAsync(ct);
        return keys.Select(ApiKeySummary.Of).ToList();
    }

    public async Task<bool> RevokeAsync(string ownerUserId, int keyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.OwnerUserId == ownerUserId, ct);
        if (key is null)
        {
            return false;
        }

        var wasRevoked = key.IsRevoked;
        key.Revoke(clock.GetUtcNow());
        audit.Add(db, new AuditRecord(AuditActions.ApiKeyRevoked, AuditSubjects.ApiKey(key.Name, key.Prefix),
            wasRevoked ? "Already revoked; nothing changed." : "Revoked; calls with this key are refused from now on."));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("API key {KeyId} ({Prefix}) of user {UserId} revoked", key.Id, key.Prefix, ownerUserId);
        return true;
    }

    public async Task<ApiKeyHolder?> FindActiveAsync(string presentedKey, CancellationToken ct = default)
    {
        if (!ApiKeySecret.LooksLikeKey(presentedKey))
        {
            return null;
        }

        var hash = ApiKeySecret.HashOf(presentedKey);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedUtc == null, ct);
        if (key is null)
        {
            return null;
        }

        if (key.MarkUsed(clock.GetUtcNow(), LastUsedResolution))
        {
            await db.SaveChangesAsync(ct);
        }

        return new ApiKeyHolder(key.Id, key.OwnerUserId);
    }
}
