using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Auth;

internal static class TradovateRegistration
{
    /// <summary>Section <c>Tradovate</c> validated at startup, per-environment auth clients, the token registry and its refresh job.</summary>
    public static IServiceCollection AddTradovate(this IServiceCollection services)
    {
        services.AddOptions<TradovateOptions>()
            .BindConfiguration(TradovateOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<TradovateAuthClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<TradovateAuthClientFactory>();
        services.AddSingleton<TradovateTokenRegistry>();
        services.AddQuartz(q =>
        {
            q.AddJob<TokenRefreshJob>(j => j.WithIdentity(TokenRefreshJob.Key));
            q.AddTrigger((sp, t) =>
            {
                var interval = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TradovateOptions>>().Value.TokenCheckSeconds);
                t.ForJob(TokenRefreshJob.Key)
                    .StartAt(sp.GetRequiredService<TimeProvider>().GetUtcNow() + interval)
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever());
            });
        });
        return services;
    }
}
