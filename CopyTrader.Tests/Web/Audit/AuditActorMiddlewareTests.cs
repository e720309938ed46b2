using System.Net;
using System.Security.Claims;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Tests.Web.Api;
using CopyTrader.Web.Api.Security;
using CopyTrader.Web.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Web.Audit;

/// <summary>Each HTTP request acts as its signed-in user: by the API channel with a key or under /api, else by the web.</summary>
public sealed class AuditActorMiddlewareTests
{
    private readonly CurrentActor _actors = new();

    [Theory]
    [InlineData(ApiAuthentication.ApiKeyScheme, "/api/v1/groups", AuditChannel.Api)]
    [InlineData(ApiAuthentication.ApiKeyScheme, "/openapi/v1.json", AuditChannel.Api)]
    [InlineData("Identity.Application", "/api/v1/groups", AuditChannel.Api)]
    [InlineData("Identity.Application", "/copy-log/export.csv", AuditChannel.Web)]
    [InlineData("Identity.Application", "/_blazor", AuditChannel.Web)]
    public async Task TheSignedInUserActsThroughTheRequestsChannel(string scheme, string path, AuditChannel channel)
    {
        var context = Request(path, SignedIn(scheme, "user-alice", "alice@example.com"));

        var seen = await RunAsync(context);

        Assert.Equal(new Actor("user-alice", "alice@example.com", channel), seen);
        Assert.Equal(Actor.System, _actors.Current);
    }

    [Fact]
    public async Task AnAnonymousRequestActsAsTheSystem()
    {
        var seen = await RunAsync(Request("/account/login", new ClaimsPrincipal(new ClaimsIdentity())));

        Assert.Equal(Actor.System, seen);
    }

    [Fact]
    public async Task AnApiKeyRequestThroughTheWholeAppIsRecordedAsTheKeysOwner()
    {
        await using var host = await ApiHost.StartAsync();
        var follower = host.Services.GetRequiredService<CopyTrader.Infrastructure.Copying.ICopyConfigStore>().Current.Groups.Single().Followers[0];

        await (await host.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/followers/{follower.Id}/enabled", new { enabled = false })).ExpectAsync(HttpStatusCode.OK);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CopyTraderDbContext>();
        var entry = await db.AuditTrail.AsNoTracking().SingleAsync(e => e.Action.StartsWith("follower."));
        var owner = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(host.UserId);
        Assert.Equal((host.UserId, owner!.UserName, AuditChannel.Api), (entry.ActorUserId, entry.ActorName, entry.Channel));
        Assert.Equal((AuditActions.FollowerDisabled, "Enabled on → off"), (entry.Action, entry.Details));
        Assert.Equal(ApiHost.Email, entry.ActorName);
    }

    private async Task<Actor> RunAsync(HttpContext context)
    {
        Actor? seen = null;
        var middleware = new AuditActorMiddleware(async _ =>
        {
            await Task.Yield();
            seen = _actors.Current;
        }, _actors);

        await middleware.InvokeAsync(context);

        return seen!;
    }

    private static DefaultHttpContext Request(string path, ClaimsPrincipal user) => new() { Request = { Path = path }, User = user };

    private static ClaimsPrincipal SignedIn(string scheme, string id, string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, name)], scheme));
}
