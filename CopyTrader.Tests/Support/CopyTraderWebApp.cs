using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Support;

/// <summary>The whole web app on a fresh SQLite data folder; <see cref="StartOnLoopback"/> serves it on a real port.</summary>
public sealed class CopyTraderWebApp(Dictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) =>
        {
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataPath"] = _data.Path,
                ["Demo:ActivityEnabled"] = "false",
            });
            if (settings is not null)
            {
                config.AddInMemoryCollection(settings);
            }
        });
    }

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port and returns the base address.</summary>
    public string StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
