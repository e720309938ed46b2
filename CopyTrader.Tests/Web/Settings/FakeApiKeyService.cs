using CopyTrader.Domain;
using CopyTrader.Infrastructure.ApiKeys;

namespace CopyTrader.Tests.Web.Settings;

/// <summary>Keeps keys in memory per owner and records what the page asked for.</summary>
internal sealed class FakeApiKeyService : IApiKeyService
{
    private readonly List<(string Owner, ApiKeySummary Key)> _keys = [];
    private int _lastId;

    public List<(string Owner, string Name)> Created { get; } = [];
    public List<(string Owner, int KeyId)> Revoked { get; } = [];

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 5, 0, TimeSpan.Zero);

    public Task<CreatedApiKey> CreateAsync(string ownerUserId, string name, CancellationToken ct = default)
    {
        Created.Add((ownerUserId, name));
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CopyTraderDomainException("Give the key a name, e.g. the script that will use it.");
        }

        var plain = $"ctk_secret{++_lastId:D3}SECRETSECRETSECRETSECRETSECRETSEC";
        var key = new ApiKeySummary(_lastId, name.Trim(), plain[..12], Now, null, null);
        _keys.Add((ownerUserId, key));
        return Task.FromResult(new CreatedApiKey(key, plain));
    }

    public Task<IReadOnlyList<ApiKeySummary>> ListAsync(string ownerUserId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ApiKeySummary>>(_keys.Where(k => k.Owner == ownerUserId).Select(k => k.Key).OrderByDescending(k => k.Id).ToList());

    public Task<bool> RevokeAsync(string ownerUserId, int keyId, CancellationToken ct = default)
    {
        Revoked.Add((ownerUserId, keyId));
        var index = _keys.FindIndex(k => k.Owner == ownerUserId && k.Key.Id == keyId);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        _keys[index] = (ownerUserId, _keys[index].Key with { RevokedUtc = Now.AddMinutes(30) });
        return Task.FromResult(true);
    }

    public Task<ApiKeyHolder?> FindActiveAsync(string presentedKey, CancellationToken ct = default) => throw new NotSupportedException("The page never authenticates keys.");

    public void Seed(string owner, ApiKeySummary key)
    {
        _keys.Add((owner, key));
        _lastId = Math.Max(_lastId, key.Id);
    }
}
