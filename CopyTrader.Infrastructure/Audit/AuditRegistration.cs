using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Infrastructure.Audit;

internal static class AuditRegistration
{
    /// <summary>The ambient actor, the writer every audited service uses, and the reader of the trail page.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddSingleton<CurrentActor>();
        services.AddSingleton<IAuditTrail, AuditTrail>();
        services.AddSingleton<IAuditTrailQuery, AuditTrailQuery>();
        return services;
    }
}
