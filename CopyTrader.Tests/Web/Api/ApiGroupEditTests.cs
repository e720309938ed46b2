using System.Net;
using System.Text.Json;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.CopySetup;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Web.Api;

/// <summary>What the group and follower forms can change, through the API: edit and delete a group, remove a follower, risk limits.</summary>
public sealed class ApiGroupEditTests : IAsyncLifetime
{
    private static readonly object NoLimits = new { dailyLossLimit = (decimal?)null, maxContractsPerOrder = (int?)null, copyWindowStart = (string?)null, copyWindowEnd = (string?)null };

    private ApiHost _host = default!;
    private HttpClient _api = default!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        _api = _host.Client;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private CopyConfigSnapshot Copier => _host.Services.GetRequiredService<ICopyConfigStore>().Current;

    [Fact]
    public async Task RenameChangeTheLeaderAndSetTheSwitchesThenReadItBack()
    {
        var (f1, f2) = (await AccountIdAsync("DEMO-F1"), await AccountIdAsync("DEMO-F2"));
        var id = await CreateGroupAsync("Second", f1);

        var updated = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{id}", Group(" Renamed ", f2, autoCopy: false, dryRun: true, autoSync: true, mirror: true)))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("Renamed", f2, "Demo follower ×2"), (updated.GetProperty("name").GetString(), updated.GetProperty("leaderAccountId").GetInt32(), updated.GetProperty("leaderName").GetString()));
        var readBack = await (await _api.GetAsync($"/api/v1/groups/{id}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("Renamed", f2, false, true, true, true), (readBack.GetProperty("name").GetString(), readBack.GetProperty("leaderAccountId").GetInt32(),
            readBack.GetProperty("autoCopyEnabled").GetBoolean(), readBack.GetProperty("dryRun").GetBoolean(), readBack.GetProperty("autoSync").GetBoolean(),
            readBack.GetProperty("mirrorWorkingOrders").GetBoolean()));
        var copier = Copier.Groups.Single(g => g.Id == id);
        Assert.Equal(("Renamed", f2, false, true), (copier.Name, copier.LeaderAccountId, copier.AutoCopyEnabled, copier.DryRun));
    }

    [Fact]
    public async Task AGroupUpdateKeepsItsFollowersAndItsContractMaps()
    {
        var demo = Copier.Groups.Single();
        await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = demo.Id, sourceRoot = "NQ", targetRoot = "MNQ", ratio = 10m }))
            .ExpectAsync(HttpStatusCode.Created);

        var updated = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{demo.Id}", Group("Demo renamed", demo.LeaderAccountId)))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(demo.Followers.Select(f => f.Id), updated.GetProperty("followers").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));
        Assert.Equal(["MNQ"], updated.GetProperty("contractMaps").EnumerateArray().Select(m => m.GetProperty("targetRoot").GetString()));
        Assert.Equal(("Demo renamed", 3), (Copier.Groups.Single().Name, Copier.Groups.Single().Followers.Count));
    }

    [Fact]
    public async Task AGroupUpdateWithBadFieldsIs400AndChangesNothing()
    {
        var demo = Copier.Groups.Single();

        var problem = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{demo.Id}", Group(" ", 999))).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var tooLong = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{demo.Id}", Group(new string('x', 101), demo.LeaderAccountId)))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{demo.Id}", new { name = "Renamed", leaderAccountId = demo.LeaderAccountId, autoCopyEnabled = true }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Give the group a name."], problem.FieldErrors("name"));
        Assert.Equal(["Trading account 999 does not exist."], problem.FieldErrors("leaderAccountId"));
        Assert.StartsWith("A group name has at most ", Assert.Single(tooLong.FieldErrors("name")));
        Assert.All(["dryRun", "autoSync", "mirrorWorkingOrders"], field => Assert.Equal(["Required."], missing.FieldErrors(field)));
        Assert.Equal(("Demo", demo.LeaderAccountId), (Copier.Groups.Single().Name, Copier.Groups.Single().LeaderAccountId));
    }

    [Fact]
    public async Task ALeaderChangeThatWouldCreateACopyLoopIs422AndNothingChanges()
    {
        var (f1, f2, f3) = (await AccountIdAsync("DEMO-F1"), await AccountIdAsync("DEMO-F2"), await AccountIdAsync("DEMO-F3"));
        var second = await CreateGroupAsync("Second", f1);
        await AddFollowerAsync(second, f2);
        var third = await CreateGroupAsync("Third", f2);
        await AddFollowerAsync(third, f3);

        var problem = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{second}", Group("Second", f3))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("Refused: this would create a copy loop (", detail);
        Assert.Contains("Demo follower ×0.5", detail);
        Assert.Equal([detail], problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(f1, (await (await _api.GetAsync($"/api/v1/groups/{second}")).ExpectAsync(HttpStatusCode.OK)).GetProperty("leaderAccountId").GetInt32());
        Assert.Equal(f1, Copier.Groups.Single(g => g.Id == second).LeaderAccountId);
    }

    [Fact]
    public async Task ANameTakenOrALeaderThatFollowsTheGroupIs422WithTheServicesWords()
    {
        var demo = Copier.Groups.Single();
        var f1 = await AccountIdAsync("DEMO-F1");
        var second = await CreateGroupAsync("Second", f1);

        var taken = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{second}", Group("demo", f1))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        var follows = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{demo.Id}", Group("Demo", f1))).ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("A copy group named 'demo' already exists.", taken.GetProperty("detail").GetString());
        Assert.Equal("'Demo follower ×1' follows this group; remove it from the followers before making it the leader.", follows.GetProperty("detail").GetString());
        Assert.Equal(demo.LeaderAccountId, Copier.Groups.Single(g => g.Id == demo.Id).LeaderAccountId);
    }

    [Fact]
    public async Task DeletingAGroupRemovesItsFollowersAndOwnMapsButKeepsTheGlobalOnes()
    {
        var demo = Copier.Groups.Single();
        await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = demo.Id, sourceRoot = "NQ", targetRoot = "MNQ", ratio = 10m })).ExpectAsync(HttpStatusCode.Created);
        var global = (await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = (int?)null, sourceRoot = "ES", targetRoot = "MES", ratio = 10m }))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        await (await _api.DeleteAsync($"/api/v1/groups/{demo.Id}")).ExpectAsync(HttpStatusCode.NoContent);

        await (await _api.GetAsync($"/api/v1/groups/{demo.Id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await _api.GetAsync($"/api/v1/followers/{demo.Followers[0].Id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await _api.GetAsync("/api/v1/groups")).ExpectAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.Equal([global], (await (await _api.GetAsync("/api/v1/contract-maps")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Select(m => m.GetProperty("id").GetInt32()));
        Assert.Empty(Copier.Groups);
        Assert.Equal(4, (await (await _api.GetAsync("/api/v1/accounts")).ExpectAsync(HttpStatusCode.OK)).GetArrayLength());
        await (await _api.DeleteAsync($"/api/v1/groups/{demo.Id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RemovingAFollowerTakesItOutOfTheGroupAndTheCopier()
    {
        var demo = Copier.Groups.Single();
        var removed = demo.Followers[1];

        await (await _api.DeleteAsync($"/api/v1/followers/{removed.Id}")).ExpectAsync(HttpStatusCode.NoContent);

        await (await _api.GetAsync($"/api/v1/followers/{removed.Id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        var followers = await (await _api.GetAsync($"/api/v1/groups/{demo.Id}/followers")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([demo.Followers[0].Id, demo.Followers[2].Id], followers.EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));
        Assert.DoesNotContain(removed.AccountId, Copier.Groups.Single().Followers.Select(f => f.AccountId));
        await (await _api.DeleteAsync($"/api/v1/followers/{removed.Id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RiskLimitsStartEmptyAndRoundTrip()
    {
        var follower = Copier.Groups.Single().Followers[0].Id;
        var empty = await (await _api.GetAsync($"/api/v1/followers/{follower}/risk-limits")).ExpectAsync(HttpStatusCode.OK);
        Assert.All(empty.EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));

        var set = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/risk-limits",
            new { dailyLossLimit = 500.50m, maxContractsPerOrder = 3, copyWindowStart = "17:00", copyWindowEnd = "16:00" })).ExpectAsync(HttpStatusCode.OK);

        var readBack = await (await _api.GetAsync($"/api/v1/followers/{follower}/risk-limits")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(set.ToString(), readBack.ToString());
        Assert.Equal((500.50m, 3, "17:00:00", "16:00:00"), (readBack.GetProperty("dailyLossLimit").GetDecimal(), readBack.GetProperty("maxContractsPerOrder").GetInt32(),
            readBack.GetProperty("copyWindowStart").GetString(), readBack.GetProperty("copyWindowEnd").GetString()));
        var stored = (await _host.Services.GetRequiredService<ICopySetupService>().ListGroupsAsync()).Single().Followers.Single(f => f.Id == follower).RiskLimits;
        Assert.Equal((500.50m, 3, new TimeOnly(17, 0), new TimeOnly(16, 0)), (stored.DailyLossLimit, stored.MaxContractsPerOrder, stored.CopyWindowStart, stored.CopyWindowEnd));

        var cleared = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/risk-limits", NoLimits)).ExpectAsync(HttpStatusCode.OK);
        Assert.All(cleared.EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
    }

    [Fact]
    public async Task SettingRiskLimitsKeepsTheRuleAndTheSwitch()
    {
        var follower = Copier.Groups.Single().Followers[0].Id;
        await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/enabled", new { enabled = false })).ExpectAsync(HttpStatusCode.OK);
        await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/multiplier", new { multiplier = 3.5m })).ExpectAsync(HttpStatusCode.OK);

        await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/risk-limits",
            new { dailyLossLimit = 0m, maxContractsPerOrder = 0, copyWindowStart = (string?)null, copyWindowEnd = (string?)null })).ExpectAsync(HttpStatusCode.OK);

        var read = await (await _api.GetAsync($"/api/v1/followers/{follower}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((false, 3.5m), (read.GetProperty("enabled").GetBoolean(), read.GetProperty("rule").GetProperty("multiplier").GetDecimal()));
        var copier = Copier.Groups.Single().Followers.Single(f => f.Id == follower);
        Assert.Equal((false, 3.5m), (copier.Enabled, copier.Rule.Multiplier));
    }

    [Fact]
    public async Task RiskLimitsWithProblemsAre400InTheDomainsWordsAndNothingIsStored()
    {
        var follower = Copier.Groups.Single().Followers[0].Id;

        var problem = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/risk-limits",
            new { dailyLossLimit = -100m, maxContractsPerOrder = -1, copyWindowStart = "09:00", copyWindowEnd = (string?)null })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var closed = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/risk-limits",
            new { dailyLossLimit = (decimal?)null, maxContractsPerOrder = (int?)null, copyWindowStart = "09:00", copyWindowEnd = "09:00" })).ExpectProblemAsync(HttpStatusCode.BadRequest);
        var endOnly = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/risk-limits",
            new { dailyLossLimit = (decimal?)null, maxContractsPerOrder = (int?)null, copyWindowStart = (string?)null, copyWindowEnd = "09:00" })).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["The daily loss limit cannot be negative (got -100); enter the loss as a positive amount, or leave it empty for no limit."], problem.FieldErrors("dailyLossLimit"));
        Assert.Equal(["The maximum contracts per order cannot be negative (got -1); leave it empty for no limit."], problem.FieldErrors("maxContractsPerOrder"));
        Assert.Equal(["The copy window needs both a start and an end, or neither (copy at any time)."], problem.FieldErrors("copyWindowEnd"));
        Assert.Equal(["The copy window starts and ends at 09:00; it would never be open. Leave both empty to copy at any time."], closed.FieldErrors("copyWindowEnd"));
        Assert.Equal(["The copy window needs both a start and an end, or neither (copy at any time)."], endOnly.FieldErrors("copyWindowStart"));
        var stored = (await (await _api.GetAsync($"/api/v1/followers/{follower}/risk-limits")).ExpectAsync(HttpStatusCode.OK));
        Assert.All(stored.EnumerateObject(), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
    }

    [Fact]
    public async Task ALimitLeftOutIsRequiredRatherThanCleared()
    {
        var follower = Copier.Groups.Single().Followers[0].Id;

        var problem = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/risk-limits", new { dailyLossLimit = 250m }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        var notATime = await (await _api.SendRawAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/risk-limits",
            "{\"dailyLossLimit\":null,\"maxContractsPerOrder\":null,\"copyWindowStart\":\"9am\",\"copyWindowEnd\":\"16:00\"}")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Required: send null explicitly for none."], problem.FieldErrors("maxContractsPerOrder"));
        Assert.Equal(["Required: send null explicitly for none."], problem.FieldErrors("copyWindowStart"));
        Assert.Single(notATime.FieldErrors("copyWindowStart"));
    }

    [Theory]
    [InlineData("PUT", "/api/v1/groups/999", "group", "Copy group 999 does not exist.")]
    [InlineData("DELETE", "/api/v1/groups/999", null, "Copy group 999 does not exist.")]
    [InlineData("DELETE", "/api/v1/followers/999", null, "Follower 999 does not exist.")]
    [InlineData("GET", "/api/v1/followers/999/risk-limits", null, "Follower 999 does not exist.")]
    [InlineData("PUT", "/api/v1/followers/999/risk-limits", "limits", "Follower 999 does not exist.")]
    public async Task AnUnknownIdIs404(string method, string path, string? body, string detail)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body == "group" ? Group("Any", await AccountIdAsync("DEMO-F1")) : NoLimits);
        }

        var problem = await (await _api.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    private static object Group(string name, int leader, bool autoCopy = true, bool dryRun = false, bool autoSync = false, bool mirror = false) =>
        new { name, leaderAccountId = leader, autoCopyEnabled = autoCopy, dryRun, autoSync, mirrorWorkingOrders = mirror };

    private async Task<int> AccountIdAsync(string externalId) =>
        (await (await _api.GetAsync("/api/v1/accounts")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
        .Single(a => a.GetProperty("externalId").GetString() == externalId).GetProperty("id").GetInt32();

    private async Task<int> CreateGroupAsync(string name, int leader) =>
        (await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/groups", new { name, leaderAccountId = leader, autoCopyEnabled = false })).ExpectAsync(HttpStatusCode.Created))
        .GetProperty("id").GetInt32();

    private async Task AddFollowerAsync(int groupId, int accountId) =>
        await (await _api.SendJsonAsync(HttpMethod.Post, $"/api/v1/groups/{groupId}/followers", new { accountId })).ExpectAsync(HttpStatusCode.Created);
}
