using System.Net;
using System.Text.Json;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Copying;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Web.Api;

/// <summary>Copy groups and followers through the API, read back through the API and as the copier sees them.</summary>
public sealed class ApiConfigurationTests : IAsyncLifetime
{
    private ApiHost _host = default!;
    private HttpClient _api = default!;

    public async Task InitializeAsync()
    {
        _host = await ApiHost.StartAsync();
        _api = _host.Client;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreateAGroupAddAFollowerToggleItChangeItsMultiplierAndReadItBack()
    {
        var (f1, f2) = (await AccountIdAsync("DEMO-F1"), await AccountIdAsync("DEMO-F2"));

        using var created = await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/groups", new { name = "Chain", leaderAccountId = f1, autoCopyEnabled = false });
        var group = await created.ExpectAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/groups/{groupId}", created.Headers.Location?.OriginalString);
        Assert.Equal(("Chain", "Demo follower ×1", false), (group.GetProperty("name").GetString(), group.GetProperty("leaderName").GetString(), group.GetProperty("autoCopyEnabled").GetBoolean()));

        var rule = Rule(multiplier: 1.5m, symbolMultipliers: new Dictionary<string, decimal> { ["nq"] = 3m }, maxPosition: 4);
        var follower = await (await _api.SendJsonAsync(HttpMethod.Post, $"/api/v1/groups/{groupId}/followers", new { accountId = f2, rule })).ExpectAsync(HttpStatusCode.Created);
        var followerId = follower.GetProperty("id").GetInt32();
        Assert.True(follower.GetProperty("enabled").GetBoolean());

        var disabled = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{followerId}/enabled", new { enabled = false })).ExpectAsync(HttpStatusCode.OK);
        Assert.False(disabled.GetProperty("enabled").GetBoolean());

        var changed = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{followerId}/multiplier", new { multiplier = 2.5m })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2.5m, changed.GetProperty("rule").GetProperty("multiplier").GetDecimal());

        await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{groupId}/options", new { autoCopyEnabled = true, dryRun = true, autoSync = false, mirrorWorkingOrders = true }))
            .ExpectAsync(HttpStatusCode.OK);

        var readBack = await (await _api.GetAsync($"/api/v1/groups/{groupId}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((true, true, false, true), (readBack.GetProperty("autoCopyEnabled").GetBoolean(), readBack.GetProperty("dryRun").GetBoolean(),
            readBack.GetProperty("autoSync").GetBoolean(), readBack.GetProperty("mirrorWorkingOrders").GetBoolean()));
        var readFollower = readBack.GetProperty("followers").EnumerateArray().Single();
        Assert.Equal((followerId, f2, false), (readFollower.GetProperty("id").GetInt32(), readFollower.GetProperty("accountId").GetInt32(), readFollower.GetProperty("enabled").GetBoolean()));
        var readRule = readFollower.GetProperty("rule");
        Assert.Equal(2.5m, readRule.GetProperty("multiplier").GetDecimal());
        Assert.Equal(3m, readRule.GetProperty("symbolMultipliers").GetProperty("NQ").GetDecimal());
        Assert.Equal(4, readRule.GetProperty("maxPosition").GetInt32());

        var copier = _host.Services.GetRequiredService<ICopyConfigStore>().Current.Groups.Single(g => g.Id == groupId);
        Assert.True(copier.DryRun);
        Assert.Equal((false, 2.5m, 3m, 4), (copier.Followers[0].Enabled, copier.Followers[0].Rule.Multiplier, copier.Followers[0].Rule.SymbolMultipliers["NQ"], copier.Followers[0].Rule.MaxPosition!.Value));
    }

    [Fact]
    public async Task AFollowerAddedWithoutARuleGetsTheNewFollowerDefaults()
    {
        var groupId = await CreateGroupAsync("Chain", await AccountIdAsync("DEMO-F1"));

        var follower = await (await _api.SendJsonAsync(HttpMethod.Post, $"/api/v1/groups/{groupId}/followers", new { accountId = await AccountIdAsync("DEMO-F3") }))
            .ExpectAsync(HttpStatusCode.Created);

        var rule = follower.GetProperty("rule");
        Assert.Equal(("Multiplier", 1m, true, JsonValueKind.Null), (rule.GetProperty("mode").GetString(), rule.GetProperty("multiplier").GetDecimal(),
            rule.GetProperty("copyStopLoss").GetBoolean(), rule.GetProperty("maxPosition").ValueKind));
    }

    [Fact]
    public async Task SymbolMultipliersAndBlockedRootsChangeOneAtATimeAndKeepTheRest()
    {
        var follower = await DemoFollowerAsync(0);
        await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/symbol-multipliers/nq", new { multiplier = 3m })).ExpectAsync(HttpStatusCode.OK);
        await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/symbol-multipliers/ES", new { multiplier = 0.5m })).ExpectAsync(HttpStatusCode.OK);
        await (await _api.PutAsync($"/api/v1/followers/{follower}/blocked-roots/cl", null)).ExpectAsync(HttpStatusCode.OK);
        await (await _api.PutAsync($"/api/v1/followers/{follower}/blocked-roots/GC", null)).ExpectAsync(HttpStatusCode.OK);

        await (await _api.DeleteAsync($"/api/v1/followers/{follower}/symbol-multipliers/NQ")).ExpectAsync(HttpStatusCode.OK);
        await (await _api.DeleteAsync($"/api/v1/followers/{follower}/blocked-roots/gc")).ExpectAsync(HttpStatusCode.OK);

        var overrides = await (await _api.GetAsync($"/api/v1/followers/{follower}/symbol-multipliers")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([("ES", 0.5m)], overrides.EnumerateArray().Select(o => (o.GetProperty("root").GetString(), o.GetProperty("multiplier").GetDecimal())));
        var blocked = await (await _api.GetAsync($"/api/v1/followers/{follower}/blocked-roots")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["CL"], blocked.EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1m, _host.Services.GetRequiredService<ICopyConfigStore>().Current.Groups.Single().Followers[0].Rule.Multiplier);
    }

    [Fact]
    public async Task ReplacingARuleTakesEveryFieldSoNoneIsResetByLeavingItOut()
    {
        var follower = await DemoFollowerAsync(1);
        var incomplete = new Dictionary<string, object?>
        {
            ["mode"] = "Multiplier", ["multiplier"] = 3m, ["fixedQuantity"] = 1, ["symbolMultipliers"] = new { }, ["inverse"] = false,
            ["rounding"] = "Nearest", ["atLeastOneWhileLeaderInPosition"] = false, ["blockedRoots"] = Array.Empty<string>(), ["copyStopLoss"] = true,
        };

        var problem = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/rule", incomplete)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Required: send null explicitly for none."], problem.FieldErrors("maxPosition"));
        Assert.Equal(["Required."], problem.FieldErrors("copyTakeProfit"));
        Assert.Equal(2m, _host.Services.GetRequiredService<ICopyConfigStore>().Current.Groups.Single().Followers[1].Rule.Multiplier);

        incomplete["maxPosition"] = null;
        incomplete["copyTakeProfit"] = false;
        var replaced = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/rule", incomplete)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((3m, false), (replaced.GetProperty("rule").GetProperty("multiplier").GetDecimal(), replaced.GetProperty("rule").GetProperty("copyTakeProfit").GetBoolean()));
    }

    [Fact]
    public async Task InvalidFieldsAre400WithAnErrorPerFieldAndNothingIsSaved()
    {
        var follower = await DemoFollowerAsync(0);
        var rule = Rule(multiplier: 0m, symbolMultipliers: new Dictionary<string, decimal> { ["ES"] = -1m }, maxPosition: -2) with { BlockedRoots = ["N Q"] };

        var problem = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/rule", rule)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["The multiplier must be greater than zero (got 0)."], problem.FieldErrors("multiplier"));
        Assert.Equal(["The multiplier for ES must be greater than zero (got -1)."], problem.FieldErrors("symbolMultipliers.ES"));
        Assert.Equal(["The maximum position cannot be negative (got -2); send null for no cap."], problem.FieldErrors("maxPosition"));
        Assert.Equal(["A contract root is 1 to 10 letters or digits, e.g. NQ or M2K (got 'N Q')."], problem.FieldErrors("blockedRoots"));
        Assert.Equal(FollowerRule.Default.BlockedRoots, _host.Services.GetRequiredService<ICopyConfigStore>().Current.Groups.Single().Followers[0].Rule.BlockedRoots);
    }

    [Fact]
    public async Task ARootGivenTwiceIsAFieldError()
    {
        var rule = Rule(1m, new Dictionary<string, decimal> { ["nq"] = 2m, ["NQ"] = 3m }, null);

        var problem = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{await DemoFollowerAsync(0)}/rule", rule)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["NQ is given more than once (nq, NQ)."], problem.FieldErrors("symbolMultipliers"));
    }

    [Fact]
    public async Task ANewGroupWithoutANameOrWithAnUnknownLeaderIs400()
    {
        var problem = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/groups", new { name = " ", leaderAccountId = 999, autoCopyEnabled = true }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Give the group a name."], problem.FieldErrors("name"));
        Assert.Equal(["Trading account 999 does not exist."], problem.FieldErrors("leaderAccountId"));
        Assert.Single(_host.Services.GetRequiredService<ICopyConfigStore>().Current.Groups);
    }

    [Fact]
    public async Task AMissingSwitchIsRequiredRatherThanTurnedOff()
    {
        var problem = await (await _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/groups/{await DemoGroupAsync()}/options", new { autoCopyEnabled = true, dryRun = false }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["Required."], problem.FieldErrors("autoSync"));
        Assert.Equal(["Required."], problem.FieldErrors("mirrorWorkingOrders"));
    }

    [Fact]
    public async Task AValueOfTheWrongTypeIsAFieldError()
    {
        var problem = await (await _api.SendRawAsync(HttpMethod.Put, $"/api/v1/followers/{await DemoFollowerAsync(0)}/multiplier", "{\"multiplier\":\"lots\"}"))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["The JSON value could not be converted to System.Decimal."], problem.FieldErrors("multiplier"));
    }

    [Fact]
    public async Task AnEnumGivenAsANumberIsRefused()
    {
        var rule = JsonSerializer.SerializeToNode(Rule(1m, [], null), ApiResponses.Json)!.AsObject();
        rule["mode"] = 1;

        var problem = await (await _api.SendRawAsync(HttpMethod.Put, $"/api/v1/followers/{await DemoFollowerAsync(0)}/rule", rule.ToJsonString())).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Single(problem.FieldErrors("mode"));
    }

    [Theory]
    [InlineData("{\"enabled\": fals", "application/json", HttpStatusCode.BadRequest, "The body is not valid JSON: ")]
    [InlineData("", "application/json", HttpStatusCode.BadRequest, "The body is not valid JSON: ")]
    [InlineData("[true]", "application/json", HttpStatusCode.BadRequest, "The body must be a JSON object (got Array).")]
    [InlineData("enabled=false", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "Send the body as JSON with Content-Type: application/json.")]
    public async Task ABodyThatIsNotAJsonObjectIsRefusedInWords(string body, string contentType, HttpStatusCode status, string detail)
    {
        var problem = await (await _api.SendRawAsync(HttpMethod.Put, $"/api/v1/followers/{await DemoFollowerAsync(0)}/enabled", body, contentType)).ExpectProblemAsync(status);

        Assert.StartsWith(detail, problem.GetProperty("detail").GetString());
        Assert.True(_host.Services.GetRequiredService<ICopyConfigStore>().Current.Groups.Single().Followers[0].Enabled);
    }

    [Theory]
    [InlineData("GET", "/api/v1/groups/999", "Copy group 999 does not exist.")]
    [InlineData("GET", "/api/v1/groups/999/followers", "Copy group 999 does not exist.")]
    [InlineData("GET", "/api/v1/followers/999", "Follower 999 does not exist.")]
    [InlineData("PUT", "/api/v1/followers/999/blocked-roots/NQ", "Follower 999 does not exist.")]
    [InlineData("GET", "/api/v1/accounts/999", "Trading account 999 does not exist.")]
    [InlineData("GET", "/api/v1/connections/999", "Connection 999 does not exist.")]
    [InlineData("POST", "/api/v1/accounts/999/flatten", "Trading account 999 does not exist.")]
    [InlineData("POST", "/api/v1/groups/999/flatten", "Copy group 999 does not exist.")]
    public async Task AnUnknownIdIs404(string method, string path, string detail)
    {
        var problem = await (await _api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownIdWithABodyIs404()
    {
        var problem = await (await _api.SendJsonAsync(HttpMethod.Put, "/api/v1/followers/999/enabled", new { enabled = false })).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Follower 999 does not exist.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ACopyLoopIsRefusedWithTheReason()
    {
        var reverse = await CreateGroupAsync("Reverse", await AccountIdAsync("DEMO-F1"));

        var problem = await (await _api.SendJsonAsync(HttpMethod.Post, $"/api/v1/groups/{reverse}/followers", new { accountId = await AccountIdAsync("DEMO-LEADER") }))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Refused: this would create a copy loop (Demo leader → Demo follower ×1 → Demo leader); a trade would be copied back to where it came from.",
            problem.GetProperty("detail").GetString());
        Assert.Empty((await (await _api.GetAsync($"/api/v1/groups/{reverse}/followers")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task AnAccountThatAlreadyFollowsIsRefused()
    {
        var problem = await (await _api.SendJsonAsync(HttpMethod.Post, $"/api/v1/groups/{await DemoGroupAsync()}/followers", new { accountId = await AccountIdAsync("DEMO-F1") }))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal($"Account {await AccountIdAsync("DEMO-F1")} already follows this group.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ConnectionsAreListedWithoutCredentials()
    {
        using var response = await _api.GetAsync("/api/v1/connections");

        var connections = await response.ExpectAsync(HttpStatusCode.OK);
        var demo = connections.EnumerateArray().Single();
        Assert.Equal(("Simulator (demo)", "Simulator", 4), (demo.GetProperty("name").GetString(), demo.GetProperty("kind").GetString(), demo.GetProperty("accounts").GetArrayLength()));
        Assert.Equal(["id", "name", "kind", "environment", "credentialsError", "live", "accounts"], demo.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task AContractMapIsAddedListedUsedByItsGroupAndRemoved()
    {
        var group = await DemoGroupAsync();

        using var created = await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = group, sourceRoot = "nq", targetRoot = "mnq", ratio = 10m });
        var map = await created.ExpectAsync(HttpStatusCode.Created);
        var id = map.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/contract-maps/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("NQ", "MNQ", 10m), (map.GetProperty("sourceRoot").GetString(), map.GetProperty("targetRoot").GetString(), map.GetProperty("ratio").GetDecimal()));
        var listed = await (await _api.GetAsync("/api/v1/contract-maps")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([(id, group)], listed.EnumerateArray().Select(m => (m.GetProperty("id").GetInt32(), m.GetProperty("groupId").GetInt32())));
        var inGroup = (await (await _api.GetAsync($"/api/v1/groups/{group}")).ExpectAsync(HttpStatusCode.OK)).GetProperty("contractMaps");
        Assert.Equal("MNQ", inGroup[0].GetProperty("targetRoot").GetString());

        var twice = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = group, sourceRoot = "NQ", targetRoot = "MNQ", ratio = 5m }))
            .ExpectProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("NQ", twice.GetProperty("detail").GetString());

        await (await _api.DeleteAsync($"/api/v1/contract-maps/{id}")).ExpectAsync(HttpStatusCode.NoContent);
        await (await _api.DeleteAsync($"/api/v1/contract-maps/{id}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(_host.Services.GetRequiredService<ICopyConfigStore>().Current.Groups.Single().ContractMappings);
    }

    [Fact]
    public async Task AGlobalContractMapMustBeAskedForWithANullGroup()
    {
        var missing = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { sourceRoot = "ES", targetRoot = "MES", ratio = 10m }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Required: send null explicitly for none."], missing.FieldErrors("groupId"));

        var bad = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = (int?)null, sourceRoot = "E S", targetRoot = "MES", ratio = 0m }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.Single(bad.FieldErrors("sourceRoot"));
        Assert.Equal(["A contract map ratio must be greater than zero (got 0)."], bad.FieldErrors("ratio"));

        var global = await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = (int?)null, sourceRoot = "ES", targetRoot = "MES", ratio = 10m }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, global.GetProperty("groupId").ValueKind);
        Assert.Single(_host.Services.GetRequiredService<ICopyConfigStore>().Current.GlobalContractMappings);
        await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/contract-maps", new { groupId = 999, sourceRoot = "ES", targetRoot = "MES", ratio = 10m }))
            .ExpectProblemAsync(HttpStatusCode.NotFound);
    }

    private static FollowerRuleBody Rule(decimal multiplier, Dictionary<string, decimal> symbolMultipliers, int? maxPosition) =>
        new("Multiplier", multiplier, 1, symbolMultipliers, false, maxPosition, "Nearest", false, [], true, true);

    private async Task<int> AccountIdAsync(string externalId) =>
        (await (await _api.GetAsync("/api/v1/accounts")).ExpectAsync(HttpStatusCode.OK)).EnumerateArray()
        .Single(a => a.GetProperty("externalId").GetString() == externalId).GetProperty("id").GetInt32();

    private async Task<int> DemoGroupAsync() =>
        (await (await _api.GetAsync("/api/v1/groups")).ExpectAsync(HttpStatusCode.OK))[0].GetProperty("id").GetInt32();

    private async Task<int> DemoFollowerAsync(int index) =>
        (await (await _api.GetAsync("/api/v1/groups")).ExpectAsync(HttpStatusCode.OK))[0].GetProperty("followers")[index].GetProperty("id").GetInt32();

    private async Task<int> CreateGroupAsync(string name, int leader) =>
        (await (await _api.SendJsonAsync(HttpMethod.Post, "/api/v1/groups", new { name, leaderAccountId = leader, autoCopyEnabled = true })).ExpectAsync(HttpStatusCode.Created))
        .GetProperty("id").GetInt32();

    private sealed record FollowerRuleBody(
        string Mode, decimal Multiplier, int FixedQuantity, Dictionary<string, decimal> SymbolMultipliers, bool Inverse, int? MaxPosition, string Rounding,
        bool AtLeastOneWhileLeaderInPosition, string[] BlockedRoots, bool CopyStopLoss, bool CopyTakeProfit);
}
