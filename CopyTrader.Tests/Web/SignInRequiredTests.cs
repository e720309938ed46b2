using System.Net;
using CopyTrader.Tests.Support;
using CopyTrader.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Web;

public sealed class SignInRequiredTests : IAsyncLifetime
{
    private readonly CopyTraderWebApp _app = new();
    private HttpClient _client = default!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task FreshInstallSendsEveryPageToFirstAdminSetup()
    {
        using var response = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/setup", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/account/setup")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    public async Task AnonymousRequestIsSentToSignIn(string path)
    {
        await CreateAdminAsync();

        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task InteractiveCircuitRefusesAnonymousCallers()
    {
        await CreateAdminAsync();

        using var response = await _client.PostAsync("/_blazor/negotiate?negotiateVersion=1", new StringContent(""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignOutEndpointRequiresSignIn()
    {
        await CreateAdminAsync();

        using var response = await _client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task LoginAndHealthAreOpen()
    {
        await CreateAdminAsync();

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/account/login")).StatusCode);
        var health = await _client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SetupCannotCreateASecondAdmin()
    {
        await CreateAdminAsync();

        var second = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync("intruder@example.com", "Another-Pa55word!");
        using var page = await _client.GetAsync("/account/setup");

        Assert.False(second.Succeeded);
        Assert.Contains("already exists", second.Errors.Single().Description);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    private async Task CreateAdminAsync()
    {
        var result = await _app.Services.GetRequiredService<FirstRunState>().CreateFirstAdminAsync("admin@example.com", "Correct-Horse-9!");
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
