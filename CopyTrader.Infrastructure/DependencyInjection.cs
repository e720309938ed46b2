using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.Brokers;
using CopyTrader.Infrastructure.Brokers.Simulator;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Demo;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class InfrastructureDependencyInjection
{
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(InstrumentCatalog.Default);

        // Options, validated at startup: the app must not start half-configured.
        var storage = Bind<StorageOptions>(builder, StorageOptions.SectionName);
        var database = Bind<DatabaseOptions>(builder, DatabaseOptions.SectionName);
        Bind<SimulatorOptions>(builder, SimulatorOptions.SectionName);
        Bind<DemoOptions>(builder, DemoOptions.SectionName);
        Bind<CopyOptions>(builder, CopyOptions.SectionName);

        // Persistence and credential protection
        Directory.CreateDirectory(storage.FullDataPath);
        services.AddCopyTraderDatabase(database, storage);
        services.AddDataProtection()
            .SetApplicationName("CopyTrader")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(storage.FullDataPath, "keys")));
        services.AddSingleton<CredentialProtector>();
        services.AddScoped<DemoDataSeeder>();

        // Brokers
        services.AddSingleton<SimulatorExchange>();
        services.AddSingleton<IBrokerConnectorFactory, BrokerConnectorFactory>();

        // Copy pipeline: config snapshot -> hub -> engine -> log writer
        services.AddSingleton<ICopyConfigStore, CopyConfigStore>();
        services.AddSingleton<CopyTagRegistry>();
        services.AddSingleton<LeaderMonitorHub>();
        services.AddSingleton<ILeaderMonitorHub>(sp => sp.GetRequiredService<LeaderMonitorHub>());
        services.AddSingleton<CopyEngine>();
        services.AddSingleton<ICopyEngine>(sp => sp.GetRequiredService<CopyEngine>());
        services.AddSingleton<CopyLogWriter>();
        services.AddSingleton<ICopyLogSink>(sp => sp.GetRequiredService<CopyLogWriter>());
        services.AddSingleton<ICopyLogReader, CopyLogReader>();
        services.AddSingleton<IFollowerSettingsService, FollowerSettingsService>();

        // Hosted services start in this order: the database is ready before anything connects.
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<CopyLogWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<CopyEngine>());
        services.AddHostedService(sp => sp.GetRequiredService<LeaderMonitorHub>());
        services.AddHostedService<SimulatorPriceFeed>();
        services.AddHostedService<DemoLeaderActivity>();
        return builder;
    }

    private static T Bind<T>(IHostApplicationBuilder builder, string section) where T : class, new()
    {
        builder.Services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return builder.Configuration.GetSection(section).Get<T>() ?? new T();
    }
}
