using System.Net;
using System.Text.Json;

namespace CopyTrader.Tests.Web.Api;

/// <summary>The OpenAPI document: served to key holders only, lists the API's paths and the X-Api-Key scheme.</summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private ApiHost _host = default!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListsTheApiPathsAndTheApiKeyScheme()
    {
        var document = await (await _host.Client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        if (Environment.GetEnvironmentVariable("COPYTRADER_DUMP_OPENAPI") is { Length: > 0 } dump)
        {
            await File.WriteAllTextAsync(dump, document.ToString());
        }

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[]
                 {
                     "/api/v1/status", "/api/v1/connections", "/api/v1/accounts", "/api/v1/groups", "/api/v1/groups/{id}", "/api/v1/groups/{id}/options",
                     "/api/v1/groups/{groupId}/followers", "/api/v1/followers/{id}/rule", "/api/v1/followers/{id}/multiplier", "/api/v1/followers/{id}/enabled",
                     "/api/v1/followers/{id}/symbol-multipliers/{root}", "/api/v1/followers/{id}/blocked-roots/{root}", "/api/v1/contract-maps", "/api/v1/contract-maps/{id}",
                     "/api/v1/accounts/{id}/flatten", "/api/v1/groups/{id}/flatten", "/api/v1/flatten", "/api/v1/trades", "/api/v1/copy-log",
                     "/api/v1/followers/{id}", "/api/v1/followers/{id}/risk-limits",
                 })
        {
            Assert.Contains(path, paths);
        }

        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
    }

    [Fact]
    public async Task DescribesRequestBodiesAndProblemAnswers()
    {
        var document = await (await _host.Client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var putRule = document.GetProperty("paths").GetProperty("/api/v1/followers/{id}/rule").GetProperty("put");

        var body = putRule.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var schema = Resolve(document, body);
        Assert.Contains("maxPosition", schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.True(putRule.GetProperty("responses").TryGetProperty("404", out _));
        Assert.False(putRule.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "body"),
            "the body is documented as a request body, not as a parameter");
    }

    [Theory]
    [InlineData("/api/v1/groups/{id}", "put", "UpdateGroup", "Renames the group, changes its leader")]
    [InlineData("/api/v1/groups/{id}", "delete", "DeleteGroup", "Deletes the group with its followers")]
    [InlineData("/api/v1/followers/{id}", "delete", "RemoveFollower", "Removes the follower from its group")]
    [InlineData("/api/v1/followers/{id}/risk-limits", "get", "GetFollowerRiskLimits", "Not enforced yet.")]
    [InlineData("/api/v1/followers/{id}/risk-limits", "put", "SetFollowerRiskLimits", "enforcement is not built yet")]
    [InlineData("/api/v1/copy-log", "get", "CopyLog", "filtered and paged")]
    public async Task TheEditsRiskLimitsAndCopyLogAreDescribedWithSummariesAndProblems(string path, string method, string operationId, string inSummary)
    {
        var document = await (await _host.Client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);

        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        Assert.Contains(inSummary, operation.GetProperty("summary").GetString());
        var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Contains(path == "/api/v1/copy-log" ? "400" : "404", responses);
        Assert.Contains("401", responses);
    }

    [Fact]
    public async Task TheCopyLogsQueryParametersAreListed()
    {
        var document = await (await _host.Client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);

        var parameters = document.GetProperty("paths").GetProperty("/api/v1/copy-log").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();

        Assert.Equal(["from", "to", "groupId", "followerAccountId", "outcome", "symbol", "page", "pageSize"], parameters.Select(p => p.GetProperty("name").GetString()));
        Assert.All(parameters, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        var outcome = parameters.Single(p => p.GetProperty("name").GetString() == "outcome").GetProperty("schema").GetProperty("enum");
        Assert.Equal(["Accepted", "Rejected", "Skipped", "Failed", "DryRun"], outcome.EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task TheRiskLimitsBodyRequiresEveryLimit()
    {
        var document = await (await _host.Client.GetAsync("/openapi/v1.json")).ExpectAsync(HttpStatusCode.OK);
        var put = document.GetProperty("paths").GetProperty("/api/v1/followers/{id}/risk-limits").GetProperty("put");

        var schema = Resolve(document, put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        Assert.Equal(["copyWindowEnd", "copyWindowStart", "dailyLossLimit", "maxContractsPerOrder"],
            schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        Assert.True(put.GetProperty("responses").TryGetProperty("422", out _));
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
