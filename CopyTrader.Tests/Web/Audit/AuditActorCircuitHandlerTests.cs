using System.Security.Claims;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Web.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopyTrader.Tests.Web.Audit;

/// <summary>Every inbound activity of a circuit (a click, a switch) acts as the circuit's user, by the web channel.</summary>
public sealed class AuditActorCircuitHandlerTests
{
    private readonly CurrentActor _actors = new();

    [Fact]
    public async Task AnActivityActsAsTheCircuitsUserAndTheActorIsRestoredAfterIt()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-alice"), new Claim(ClaimTypes.Name, "alice@example.com")], "Identity.Application"));
        var handler = new AuditActorCircuitHandler(new FixedAuthentication(user), _actors, NullLogger<AuditActorCircuitHandler>.Instance);
        Actor? seen = null;

        await handler.CreateInboundActivityHandler(async _ =>
        {
            await Task.Yield();
            seen = _actors.Current;
        })(null!);

        Assert.Equal(new Actor("user-alice", "alice@example.com", AuditChannel.Web), seen);
        Assert.Equal(Actor.System, _actors.Current);
    }

    [Fact]
    public async Task AnActivityWithoutASignedInUserActsAsTheSystem()
    {
        var handler = new AuditActorCircuitHandler(new FixedAuthentication(new ClaimsPrincipal(new ClaimsIdentity())), _actors, NullLogger<AuditActorCircuitHandler>.Instance);
        Actor? seen = null;

        await handler.CreateInboundActivityHandler(_ =>
        {
            seen = _actors.Current;
            return Task.CompletedTask;
        })(null!);

        Assert.Equal(Actor.System, seen);
    }

    [Fact]
    public async Task AnActivityRunsEvenWhenTheCircuitHasNoAuthenticationStateYet()
    {
        var handler = new AuditActorCircuitHandler(new MissingAuthentication(), _actors, NullLogger<AuditActorCircuitHandler>.Instance);
        var ran = false;

        await handler.CreateInboundActivityHandler(_ =>
        {
            ran = true;
            return Task.CompletedTask;
        })(null!);

        Assert.True(ran);
    }

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    private sealed class MissingAuthentication : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            throw new InvalidOperationException("GetAuthenticationStateAsync was called before SetAuthenticationState.");
    }
}
