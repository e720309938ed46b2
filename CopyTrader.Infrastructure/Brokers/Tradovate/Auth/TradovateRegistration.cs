using CopyTrader.Infrastructure.Brokers.Tradovate.Connector;
using CopyTrader.Infrastructure.Brokers.Tradovate.Rest;
using CopyTrader.Infrastructure.Brokers.Tradovate.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Auth;

internal static class TradovateRegistration
{
    /// <summary>
    /// Section <c>Tradovate</c> validated at startup, per-environment auth clients, the token registry and its refresh job,
    /// and the factory of per-login REST trading clients (<see cref="TradovateTradingOptions"/>, same section).
    /// </summary>
    public static IServiceCollection AddTradovate(this IServiceCollection services)
    {
        services.AddOptions<TradovateOptions>()
            .BindConfiguration(TradovateOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<TradovateAuthClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<TradovateAuthClientFactory>();
        services.AddSingleton<TradovateTokenRegistry>();
        services.AddOptions<TradovateTradingOptions>()
            .BindConfiguration(TradovateOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(TradovateRestClientFactory.HttpClientName);
        services.AddSingleton<TradovateRestClientFactory>();
        services.AddOptions<TradovateStreamSettings>()
            .BindConfiguration(TradovateOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TradovateConnectorFactory>();
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
