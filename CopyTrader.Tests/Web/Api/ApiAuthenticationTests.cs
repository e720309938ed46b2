using System.Net;
using CopyTrader.Infrastructure.ApiKeys;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Web.Api;

/// <summary>Who may call the API: a valid key, or a signed-in browser; everyone else gets a 401 problem, never a sign-in page.</summary>
public sealed class ApiAuthenticationTests : IAsyncLifetime
{
    private ApiHost _host = default!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/api/v1/status")]
    [InlineData("/api/v1/groups")]
    [InlineData("/api/v1/no-such-thing")]
    [InlineData("/openapi/v1.json")]
    public async Task AnonymousCallerGets401ProblemDetailsNotTheSignInPage(string path)
    {
        using var response = await _host.Anonymous().GetAsync(path);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AnonymousChangeIsRefusedBeforeAnythingHappens()
    {
        using var response = await _host.Anonymous().PostAsync("/api/v1/flatten", null);

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AValidKeyIsAcceptedAndItsUseRecorded()
    {
        using var response = await _host.Client.GetAsync("/api/v1/status");

        var status = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(status.GetProperty("version").GetString()));
        Assert.NotNull((await _host.Services.GetRequiredService<IApiKeyService>().ListAsync(_host.UserId)).Single().LastUsedUtc);
    }

    [Fact]
    public async Task ARevokedKeyGets401()
    {
        (await _host.Client.GetAsync("/api/v1/status")).EnsureSuccessStatusCode();

        Assert.True(await _host.Services.GetRequiredService<IApiKeyService>().RevokeAsync(_host.UserId, _host.KeyId));
        using var response = await _host.Client.GetAsync("/api/v1/status");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The API key is unknown or has been revoked.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("ctk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AnUnknownKeyGets401(string key)
    {
        using var response = await _host.ClientWithKey(key).GetAsync("/api/v1/groups");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("The API key is unknown or has been revoked.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AKeyOfALockedOutUserGets401()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(_host.UserId))!;
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1))).Succeeded);
        }

        using var response = await _host.Client.GetAsync("/api/v1/status");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("locked out", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnUnknownPathIsA404ProblemForAKeyHolder()
    {
        using var response = await _host.Client.DeleteAsync("/api/v1/no-such-thing/7");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No API endpoint answers DELETE /api/v1/no-such-thing/7; the endpoints are listed in /openapi/v1.json.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AMethodThePathDoesNotTakeIsA404ProblemForAKeyHolderAnd401ForAStranger()
    {
        using var response = await _host.Client.DeleteAsync("/api/v1/groups");
        using var stranger = await _host.Anonymous().DeleteAsync("/api/v1/groups");

        var problem = await response.ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No API endpoint answers DELETE /api/v1/groups; the endpoints are listed in /openapi/v1.json.", problem.GetProperty("detail").GetString());
        await stranger.ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheRestOfTheAppStillSendsAnonymousVisitorsToSignIn()
    {
        using var response = await _host.Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task AKeyDoesNotSignIntoThePages()
    {
        using var response = await _host.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ASignedInBrowserReadsWithItsCookie()
    {
        var browser = await SignedInBrowserAsync();

        using var response = await browser.GetAsync("/api/v1/groups");

        var groups = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Demo", groups[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task ASignedInBrowserChangeNeedsTheAntiforgeryToken()
    {
        var browser = await SignedInBrowserAsync();
        var follower = (await (await browser.GetAsync("/api/v1/groups")).ExpectAsync(HttpStatusCode.OK))[0].GetProperty("followers")[0].GetProperty("id").GetInt32();

        using var refused = await browser.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower}/enabled", new { enabled = false });
        var problem = await refused.ExpectProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("RequestVerificationToken", problem.GetProperty("detail").GetString());

        var token = await AntiforgeryTokenAsync(browser);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/followers/{follower}/enabled") { Content = System.Net.Http.Json.JsonContent.Create(new { enabled = false }) };
        request.Headers.Add("RequestVerificationToken", token);
        using var accepted = await browser.SendAsync(request);
        Assert.False((await accepted.ExpectAsync(HttpStatusCode.OK)).GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/groups/{group}")]
    [InlineData("DELETE", "/api/v1/followers/{follower}")]
    [InlineData("PUT", "/api/v1/followers/{follower}/risk-limits")]
    [InlineData("PUT", "/api/v1/groups/{group}")]
    public async Task ASignedInBrowserCannotEditOrDeleteWithoutTheAntiforgeryToken(string method, string path)
    {
        var browser = await SignedInBrowserAsync();
        var group = (await (await browser.GetAsync("/api/v1/groups")).ExpectAsync(HttpStatusCode.OK))[0];
        var request = new HttpRequestMessage(new HttpMethod(method), path
            .Replace("{group}", $"{group.GetProperty("id").GetInt32()}").Replace("{follower}", $"{group.GetProperty("followers")[0].GetProperty("id").GetInt32()}"));
        if (method == "PUT")
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(new { name = "Renamed", leaderAccountId = group.GetProperty("leaderAccountId").GetInt32(),
                autoCopyEnabled = false, dryRun = false, autoSync = false, mirrorWorkingOrders = false, dailyLossLimit = 1m, maxContractsPerOrder = 1, copyWindowStart = (string?)null, copyWindowEnd = (string?)null });
        }

        var problem = await (await browser.SendAsync(request)).ExpectProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("RequestVerificationToken", problem.GetProperty("detail").GetString());
        var after = (await (await _host.Client.GetAsync("/api/v1/groups")).ExpectAsync(HttpStatusCode.OK))[0];
        Assert.Equal(("Demo", 3, true), (after.GetProperty("name").GetString(), after.GetProperty("followers").GetArrayLength(), after.GetProperty("autoCopyEnabled").GetBoolean()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            (await (await _host.Client.GetAsync($"/api/v1/followers/{group.GetProperty("followers")[0].GetProperty("id").GetInt32()}/risk-limits")).ExpectAsync(HttpStatusCode.OK))
            .GetProperty("dailyLossLimit").ValueKind);
    }

    [Fact]
    public async Task BeforeTheFirstAdminExistsTheApiAnswers401NotTheSetupPage()
    {
        await using var fresh = new CopyTraderWebApp();

        using var response = await fresh.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/api/v1/status");

        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>Signs in through the real sign-in form, as a browser would; the client keeps the cookie.</summary>
    private async Task<HttpClient> SignedInBrowserAsync()
    {
        var browser = _host.Anonymous();
        var token = await AntiforgeryTokenAsync(browser, "/account/login");
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = ApiHost.Email,
            ["Input.Password"] = ApiHost.Password,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return browser;
    }

    /// <summary>The token of the first form on a page (the sign-in form, or the layout's sign-out form).</summary>
    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser, string path = "/")
    {
        var html = await browser.GetStringAsync(path);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"No antiforgery token on {path}");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
