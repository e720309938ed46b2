using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Microsoft.Extensions.DependencyInjection;

public static class RootSettingsFile
{
    /// <summary>
    /// Loads the top-level appsettings.json (copied beside the binaries) as the lowest-priority source, so
    /// appsettings.{Environment}.json, environment variables and the command line still override it.
    /// </summary>
    public static WebApplicationBuilder AddRootSettingsFile(this WebApplicationBuilder builder)
    {
        var source = new JsonConfigurationSource
        {
            Path = "appsettings.root.json",
            Optional = false,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        builder.Configuration.Sources.Insert(0, source);
        return builder;
    }
}
