using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CopyTrader.Infrastructure.ApiKeys;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Web.Api;

/// <summary>The whole app on the Simulator demo, with an admin and an API key for it.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string Email = "admin@example.com";
    public const string Password = "Correct-Horse-9!";

    private ApiHost(CopyTraderWebApp app) => App = app;

    public CopyTraderWebApp App { get; }
    public string UserId { get; private set; } = "";
    public string Key { get; private set; } = "";
    public int KeyId { get; private set; }
    public HttpClient Client { get; private set; } = default!;

    public IServiceProvider Services => App.Services;

    public static async Task<ApiHost> StartAsync()
    {
        var host = new ApiHost(new CopyTraderWebApp());
        var admin = await host.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync(Email, Password);
        Assert.True(admin.Succeeded, string.Join("; ", admin.Errors.Select(e => e.Description)));
        await using var scope = host.Services.CreateAsyncScope();
        host.UserId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Email))!.Id;
        var created = await host.Services.GetRequiredService<IApiKeyService>().CreateAsync(host.UserId, "tests");
        (host.Key, host.KeyId) = (created.PlainKey, created.Key.Id);
        host.Client = host.ClientWithKey(host.Key);
        return host;
    }

    public HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public HttpClient ClientWithKey(string key)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Reading answers: the JSON body, and asserting a status with the body in the failure message.</summary>
public static class ApiResponses
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {status}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A problem details answer with this status; returns the document.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object body) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });

    public static Task<HttpResponseMessage> SendRawAsync(this HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json") =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, contentType) });
}
