using CopyTrader.Infrastructure.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CopyTrader.Web.Audit;

/// <summary>
/// Makes the circuit's signed-in user the <see cref="CurrentActor"/> for every inbound activity (a click, a switch,
/// a form submit), the documented way to give circuit work an ambient context. Work the circuit did not start (a
/// broker event rendered through InvokeAsync) keeps its own actor.
/// </summary>
internal sealed class AuditActorCircuitHandler(AuthenticationStateProvider authentication, CurrentActor actors, ILogger<AuditActorCircuitHandler> logger) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            if (await ActorAsync() is not { } actor)
            {
                await next(context);
                return;
            }

            using (actors.Begin(actor))
            {
                await next(context);
            }
        };

    private async Task<Actor?> ActorAsync()
    {
        try
        {
            return ActorFromUser.For((await authentication.GetAuthenticationStateAsync()).User, AuditChannel.Web);
        }
        catch (InvalidOperationException ex)
        {
            // The circuit's user is set before its first activity; should that ever not hold, the activity still runs.
            logger.LogWarning(ex, "No authentication state for a circuit activity; it is audited as the system");
            return null;
        }
    }
}
