using CopyTrader.Domain.Instruments;
using CopyTrader.Infrastructure.ApiKeys;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Brokers;
using CopyTrader.Infrastructure.Brokers.Simulator;
using CopyTrader.Infrastructure.Connections;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Infrastructure.Demo;
using CopyTrader.Infrastructure.Operations;
using CopyTrader.Infrastructure.Reconciliation;
using Microsoft.Extensions.Configuration;
using Quartz;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Infrastructure.Security;
using CopyTrader.Infrastructure.Users;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class InfrastructureDependencyInjection
{
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => InstrumentCatalog.Default);

        // Options, validated at startup: the app must not start half-configured.
        Bind<StorageOptions>(services, StorageOptions.SectionName);
        Bind<DatabaseOptions>(services, DatabaseOptions.SectionName);
        Bind<SimulatorOptions>(services, SimulatorOptions.SectionName);
        Bind<DemoOptions>(services, DemoOptions.SectionName);
        Bind<CopyOptions>(services, CopyOptions.SectionName);

        // Persistence and credential protection
        services.AddCopyTraderDatabase();
        services.AddDataProtection().SetApplicationName("CopyTrader");
        services.PersistKeysInDataFolder();
        services.AddSingleton<CredentialProtector>();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CopyTraderDbContext>()
            .AddDefaultTokenProviders(); // invitation links are password-reset tokens
        services.AddSingleton<IUserAdministration, UserAdministration>();
        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton<IApiKeyService, ApiKeyService>();
        services.AddAuditTrail();

        // Brokers
        services.AddSingleton<SimulatorExchange>();
        services.AddSingleton<IBrokerConnectorFactory, BrokerConnectorFactory>();
        CopyTrader.Infrastructure.Brokers.Tradovate.Auth.TradovateRegistration.AddTradovate(services);

        // Copy pipeline: config snapshot -> hub -> engine -> log writer
        services.AddSingleton<ICopyConfigStore, CopyConfigStore>();
        services.AddSingleton<CopyTagRegistry>();
        services.AddSingleton<WriteBatchWindow>();
        services.AddSingleton<LeaderWorkQueues>();
        services.AddSingleton<FollowerPositionBook>();
        services.AddSingleton<FillLedger>();
        services.AddSingleton<ConnectionThrottle>();
        services.AddSingleton<FollowerBrokerCall>();
        services.AddSingleton<OrderBookStore>();
        services.AddSingleton<OrderMirror>();
        services.AddSingleton<LeaderMonitorHub>();
        services.AddSingleton<ILeaderMonitorHub>(sp => sp.GetRequiredService<LeaderMonitorHub>());
        services.AddSingleton<CopyEngine>();
        services.AddSingleton<ICopyEngine>(sp => sp.GetRequiredService<CopyEngine>());
        services.AddSingleton<CopyLogWriter>();
        services.AddSingleton<ICopyLogSink>(sp => sp.GetRequiredService<CopyLogWriter>());
        services.AddSingleton<ICopyLogReader, CopyLogReader>();
        services.AddSingleton<ICopyLogQuery, CopyLogQuery>();
        services.AddSingleton<ICopyConfigurationService, CopyConfigurationService>();

        // Copy groups, followers and contract maps as the configuration forms edit them
        services.AddSingleton<CopySetupReader>();
        services.AddSingleton<SetupWriter>();
        services.AddSingleton<ICopySetupService, CopySetupService>();

        // Broker connections as the user manages them: test, save with roles, rename, credentials, delete
        services.AddSingleton<ConnectionReader>();
        services.AddSingleton<ConnectionProbe>();
        services.AddSingleton<NewConnectionWriter>();
        services.AddSingleton<IBrokerConnectionService, BrokerConnectionService>();

        // Operations on accounts: flatten and the manual ticket
        services.AddSingleton<AccountFlattener>();
        services.AddSingleton<IFlattenService, FlattenService>();
        services.AddSingleton<IManualTicketService, ManualTicketService>();

        // Reconciliation: after every (re)connect, on demand, and on a Quartz schedule
        services.AddSingleton<ReconciliationService>();
        services.AddSingleton<IReconciliationService>(sp => sp.GetRequiredService<ReconciliationService>());
        var reconcileSeconds = builder.Configuration.GetValue($"{CopyOptions.SectionName}:{nameof(CopyOptions.ReconcileIntervalSeconds)}", new CopyOptions().ReconcileIntervalSeconds);
        services.AddQuartz(q =>
        {
            if (reconcileSeconds > 0)
            {
                var interval = TimeSpan.FromSeconds(reconcileSeconds);
                q.AddJob<ReconciliationJob>(j => j.WithIdentity(ReconciliationJob.Key));
                q.AddTrigger((sp, t) => t.ForJob(ReconciliationJob.Key)
                    .StartAt(sp.GetRequiredService<TimeProvider>().GetUtcNow() + interval)
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()));
            }
        });

        // Hosted services start in this order: the database is ready before anything connects.
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<CopyLogWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<FillLedger>());
        services.AddHostedService(sp => sp.GetRequiredService<OrderBookStore>());
        services.AddHostedService(sp => sp.GetRequiredService<CopyEngine>());
        services.AddHostedService(sp => sp.GetRequiredService<ReconciliationService>()); // subscribes before the hub connects
        services.AddHostedService(sp => sp.GetRequiredService<LeaderMonitorHub>());
        services.AddHostedService<SimulatorPriceFeed>();
        services.AddHostedService<DemoLeaderActivity>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    private static void Bind<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
