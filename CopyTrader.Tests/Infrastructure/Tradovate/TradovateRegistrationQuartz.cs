using CopyTrader.Infrastructure.Brokers.Tradovate.Auth;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CopyTrader.Tests.Infrastructure.Tradovate;

public sealed class TradovateRegistrationQuartz
{
    [Fact]
    public async Task RegistersTheRefreshJobBesideOtherQuartzJobs()
    {
        var other = new JobKey("other");
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddLogging();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddTradovate();
        services.AddQuartz(q => q.AddJob<TokenRefreshJob>(j => j.WithIdentity(other).StoreDurably()));
        await using var provider = services.BuildServiceProvider();

        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.NotNull(await scheduler.GetJobDetail(TokenRefreshJob.Key));
        Assert.NotNull(await scheduler.GetJobDetail(other));
        var trigger = Assert.Single(await scheduler.GetTriggersOfJob(TokenRefreshJob.Key));
        await scheduler.Shutdown();
        Assert.Equal(TimeSpan.FromSeconds(60), Assert.IsAssignableFrom<ISimpleTrigger>(trigger).RepeatInterval);
    }
}
