using System.Net;
using System.Text.Json;
using CopyTrader.Domain.Copying;
using CopyTrader.Domain.Trading;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using CsvHelper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Web.CopyLog;

/// <summary>The app with its first admin, shared by the tests of a class (each test has its own client and cookies).</summary>
public sealed class AppWithAdmin : IAsyncLifetime
{
    public const string Email = "admin@example.com";
    public const string Password = "Correct-Horse-9!";

    public CopyTraderWebApp App { get; } = new();

    public async Task InitializeAsync()
    {
        var admin = await App.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>GET /copy-log/export.csv through the whole app: sign-in, filters from the query string, CSV from the database.</summary>
public sealed class CopyLogExportEndpointTests(AppWithAdmin fixture) : IClassFixture<AppWithAdmin>, IDisposable
{
    private const string Email = AppWithAdmin.Email;
    private const string Password = AppWithAdmin.Password;
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);

    private readonly CopyTraderWebApp _app = fixture.App;
    private readonly HttpClient _client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task AnonymousCallerIsSentToSignIn()
    {
        using var response = await _client.GetAsync("/copy-log/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task SignedInUserGetsTheFilteredCopiesAsACsvDownload()
    {
        var demo = _app.Services.GetRequiredService<ICopyConfigStore>().Current;
        var group = demo.Groups.Single();
        var (first, second) = (group.Followers[0], group.Followers[1]);
        await InsertAsync(
            Entry(0, group, first, CopyOutcome.Accepted),
            Entry(1, group, second, CopyOutcome.Accepted),
            Entry(2, group, first, CopyOutcome.Rejected, "Insufficient margin"),
            Entry(90, group, first, CopyOutcome.Accepted));
        await FormSignIn.SignInAsync(_client, Email, Password);

        using var response = await _client.GetAsync($"/copy-log/export.csv?from=2026-11-23T14:00:00Z&to=2026-11-23T14:01:00Z&follower={first.AccountId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches("^copy-log-[0-9]{8}-[0-9]{6}\\.csv$", response.Content.Headers.ContentDisposition?.FileName);
        using var csv = CsvReader.FromText(await response.Content.ReadAsStringAsync());
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)).ToArray());
        }

        Assert.Equal("Time (UTC)", csv.Headers[0]);
        Assert.Equal(["2026-11-23T14:00:02.000Z", "2026-11-23T14:00:00.000Z"], rows.Select(r => r[0]));
        Assert.Equal([group.Name, demo.Account(group.LeaderAccountId)!.DisplayName, demo.Account(first.AccountId)!.DisplayName, "Rejected", "Insufficient margin"],
            new[] { 1, 2, 3, 9, 13 }.Select(i => rows[0][i]));
    }

    [Theory]
    [InlineData("from=yesterday", "from", "'yesterday' is not an ISO 8601 date and time")]
    [InlineData("from=2026-11-23T15:00:00Z&to=2026-11-23T14:00:00Z", "from", "'From' (2026-11-23 15:00:00 UTC) is after 'To' (2026-11-23 14:00:00 UTC).")]
    [InlineData("outcome=Lost", "outcome", "'Lost' is not one of Accepted, Rejected, Skipped, Failed, DryRun.")]
    [InlineData("group=abc", "group", "'abc' is not a copy group id.")]
    [InlineData("follower=1&follower=2", "follower", "Give 'follower' once, not 2 times.")]
    public async Task AnInvalidFilterIsABadRequestNamingTheParameter(string query, string parameter, string message)
    {
        await FormSignIn.SignInAsync(_client, Email, Password);

        using var response = await _client.GetAsync($"/copy-log/export.csv?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The copy log filter is not valid.", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains(message, problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    private async Task InsertAsync(params CopyLogEntry[] entries)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CopyTraderDbContext>>().CreateDbContextAsync();
        await CopyLogInsert.InsertAsync(db, entries, CancellationToken.None);
    }

    private static CopyLogEntry Entry(int seconds, CopyGroupSnapshot group, FollowerSnapshot follower, CopyOutcome outcome, string? reason = null) =>
        new(Start.AddSeconds(seconds), group.Id, group.LeaderAccountId, follower.Id, follower.AccountId, $"SIM-F{seconds}", "NQZ6", "MNQZ6",
            Side.Buy, 1, 1, outcome, 12.5, $"CT-{seconds}", null, reason);
}
