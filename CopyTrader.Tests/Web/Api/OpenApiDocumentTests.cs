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

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
