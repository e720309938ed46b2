using CopyTrader.Infrastructure.ApiKeys;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CopyTrader.Tests.Infrastructure.Audit.AuditRows;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>Creating and revoking a key is recorded by its name and prefix, never the key itself.</summary>
public sealed class ApiKeyAuditTests
{
    [Fact]
    public async Task CreatedAndRevokedKeysAreRecordedWithoutTheSecret()
    {
        await using var app = await PipelineHost.StartAsync();
        await app.WithDbAsync(db =>
        {
            db.Users.Add(new AppUser { Id = Alice.UserId!, UserName = Alice.Name });
            return db.SaveChangesAsync();
        });
        var keys = app.Services.GetRequiredService<IApiKeyService>();
        using var alice = ActAs(app, Alice);

        var created = await keys.CreateAsync(Alice.UserId!, "Nightly script");
        Assert.True(await keys.RevokeAsync(Alice.UserId!, created.Key.Id));

        var entries = await AllAsync(app);
        Assert.Equal(
            [
                (AuditActions.ApiKeyCreated, $"API key 'Nightly script' ({created.Key.Prefix}…)", "Created; the key was shown once and only its hash is stored."),
                (AuditActions.ApiKeyRevoked, $"API key 'Nightly script' ({created.Key.Prefix}…)", "Revoked; calls with this key are refused from now on."),
            ],
            entries.Select(e => (e.Action, e.Subject, e.Details)));
        Assert.All(entries, e => AssertBy(Alice, e));
        Assert.All(entries, e => Assert.DoesNotContain(created.PlainKey[ApiKeySecret.PrefixLength..], e.Subject + e.Details));
    }
}
