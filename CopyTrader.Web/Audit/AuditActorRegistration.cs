using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CopyTrader.Web.Audit;

public static class AuditActorRegistration
{
    /// <summary>The circuit handler that gives each UI event its user as the audit actor.</summary>
    public static IServiceCollection AddAuditActors(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, AuditActorCircuitHandler>());
        return services;
    }

    /// <summary>Each HTTP request's user as the audit actor; goes after UseAuthorization (see <see cref="AuditActorMiddleware"/>).</summary>
    public static IApplicationBuilder UseAuditActors(this IApplicationBuilder app) => app.UseMiddleware<AuditActorMiddleware>();
}
