using CopyTrader.Domain;
using CopyTrader.Infrastructure.ApiKeys;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CopyTrader.Tests.Infrastructure.ApiKeys;

/// <summary>The key service on each provider, through that provider's migrations.</summary>
public abstract class ApiKeyServiceTests : IAsyncLifetime
{
    private const string Alice = "user-alice";
    private const string Bob = "user-bob";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
    private ApiKeyService _service = default!;

    protected abstract CopyTraderDbContext CreateContext();

    public virtual async Task InitializeAsync()
    {
        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync();
            db.Users.AddRange(new AppUser { Id = Alice, UserName = "alice@example.com" }, new AppUser { Id = Bob, UserName = "bob@example.com" });
            await db.SaveChangesAsync();
        }

        _service = new ApiKeyService(new ContextFactory(CreateContext), new AuditTrail(new ContextFactory(CreateContext), new CurrentActor(), _clock), _clock, NullLogger<ApiKeyService>.Instance);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StoresTheHashAndPrefixButNeverTheKey()
    {
        var created = await _service.CreateAsync(Alice, "  Nightly script  ");

        await using var db = CreateContext();
        var row = await db.ApiKeys.SingleAsync();
        Assert.StartsWith("ctk_", created.PlainKey);
        Assert.Equal(47, created.PlainKey.Length);
        Assert.Equal(ApiKeySecret.HashOf(created.PlainKey), row.Hash);
        Assert.Equal(64, row.Hash.Trim().Length);
        Assert.Equal(created.PlainKey[..12], row.Prefix);
        Assert.Equal("Nightly script", row.Name);
        Assert.Equal((Alice, _clock.GetUtcNow()), (row.OwnerUserId, row.CreatedUtc));
        Assert.DoesNotContain(created.PlainKey, new[] { row.Hash, row.Prefix, row.Name, row.OwnerUserId });
        Assert.False(created.PlainKey[12..].Length < 30, "the prefix must leave most of the secret unshown");
    }

    [Fact]
    public async Task EveryKeyIsDifferent()
    {
        var one = await _service.CreateAsync(Alice, "one");
        var two = await _service.CreateAsync(Alice, "two");

        Assert.NotEqual(one.PlainKey, two.PlainKey);
    }

    [Fact]
    public async Task AValidKeyFindsItsOwnerAndRecordsTheUse()
    {
        var created = await _service.CreateAsync(Alice, "script");
        _clock.Advance(TimeSpan.FromMinutes(5));

        var holder = await _service.FindActiveAsync(created.PlainKey);

        Assert.Equal(new ApiKeyHolder(created.Key.Id, Alice), holder);
        Assert.Equal(_clock.GetUtcNow(), (await _service.ListAsync(Alice)).Single().LastUsedUtc);
    }

    [Fact]
    public async Task LastUsedIsUpdatedAtMostOncePerMinute()
    {
        var created = await _service.CreateAsync(Alice, "busy script");
        await _service.FindActiveAsync(created.PlainKey);
        var first = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromSeconds(59));
        await _service.FindActiveAsync(created.PlainKey);
        Assert.Equal(first, (await _service.ListAsync(Alice)).Single().LastUsedUtc);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await _service.FindActiveAsync(created.PlainKey);
        Assert.Equal(first.AddMinutes(1), (await _service.ListAsync(Alice)).Single().LastUsedUtc);
    }

    [Fact]
    public async Task ARevokedKeyFindsNothingAndStaysListedAsRevoked()
    {
        var created = await _service.CreateAsync(Alice, "old laptop");
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.True(await _service.RevokeAsync(Alice, created.Key.Id));
        var revokedAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await _service.RevokeAsync(Alice, created.Key.Id));

        Assert.Null(await _service.FindActiveAsync(created.PlainKey));
        var listed = (await _service.ListAsync(Alice)).Single();
        Assert.True(listed.IsRevoked);
        Assert.Equal(revokedAt, listed.RevokedUtc);
    }

    [Fact]
    public async Task AUserCannotSeeOrRevokeAnotherUsersKey()
    {
        var alices = await _service.CreateAsync(Alice, "alice's");

        Assert.Empty(await _service.ListAsync(Bob));
        Assert.False(await _service.RevokeAsync(Bob, alices.Key.Id));
        Assert.NotNull(await _service.FindActiveAsync(alices.PlainKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ctk_short")]
    [InlineData("ctk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ctk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'")]
    public async Task AnUnknownOrMalformedKeyFindsNothing(string presented)
    {
        await _service.CreateAsync(Alice, "real");

        Assert.Null(await _service.FindActiveAsync(presented));
    }

    [Fact]
    public async Task ListsNewestFirst()
    {
        await _service.CreateAsync(Alice, "first");
        await _service.CreateAsync(Alice, "second");

        Assert.Equal(["second", "first"], (await _service.ListAsync(Alice)).Select(k => k.Name));
    }

    [Fact]
    public async Task AKeyWithoutANameIsRefusedAndNothingIsStored()
    {
        var error = await Assert.ThrowsAsync<CopyTraderDomainException>(() => _service.CreateAsync(Alice, "   "));

        Assert.Equal("Give the key a name, e.g. the script that will use it.", error.Message);
        Assert.Empty(await _service.ListAsync(Alice));
    }

    [Fact]
    public async Task ANameOfMoreThanAHundredCharactersIsRefused()
    {
        var error = await Assert.ThrowsAsync<CopyTraderDomainException>(() => _service.CreateAsync(Alice, new string('x', 101)));

        Assert.Equal("A key name has at most 100 characters (got 101).", error.Message);
        Assert.Equal(new string('y', 100), (await _service.CreateAsync(Alice, new string('y', 100))).Key.Name);
    }

    [Fact]
    public async Task DeletingTheUserDeletesTheirKeys()
    {
        var created = await _service.CreateAsync(Alice, "script");

        await using (var db = CreateContext())
        {
            db.Users.Remove(await db.Users.SingleAsync(u => u.Id == Alice));
            await db.SaveChangesAsync();
        }

        Assert.Null(await _service.FindActiveAsync(created.PlainKey));
        await using var check = CreateContext();
        Assert.Empty(await check.ApiKeys.ToListAsync());
    }

    private sealed class ContextFactory(Func<CopyTraderDbContext> create) : IDbContextFactory<CopyTraderDbContext>
    {
        public CopyTraderDbContext CreateDbContext() => create();
    }
}

public sealed class SqliteApiKeyServiceTests : ApiKeyServiceTests
{
    private readonly TempDirectory _folder = new();

    protected override CopyTraderDbContext CreateContext() =>
        new SqliteCopyTraderDbContext(new DbContextOptionsBuilder<SqliteCopyTraderDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder.Path, "keys.db")}").Options);

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresApiKeyServiceTests : ApiKeyServiceTests
{
    private string _connectionString = "";

    public override async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    protected override CopyTraderDbContext CreateContext() =>
        new PostgresCopyTraderDbContext(new DbContextOptionsBuilder<PostgresCopyTraderDbContext>().UseNpgsql(_connectionString).Options);
}
