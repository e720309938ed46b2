using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Web.Api;
using CopyTrader.Web.Audit;
using CopyTrader.Web.Components;
using CopyTrader.Web.CopyLog;
using CopyTrader.Web.Display;
using CopyTrader.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Serilog;

namespace Microsoft.Extensions.DependencyInjection;

public static class WebDependencyInjection
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Static web assets from the build output work in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();

        // Logging: sinks and levels come from configuration.
        services.AddSerilog((sp, log) => log.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(sp).Enrich.FromLogContext());

        // UI
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<DisplayPreferences>();
        services.AddScoped<CurrentScope>();
        services.AddHealthChecks();

        // Sign-in: Identity cookies; every endpoint requires a signed-in user unless it says otherwise.
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        // A disabled user or a changed role reaches signed-in cookies within a minute, not the default 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/access-denied"; // signed in, but the page needs another role
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        new IdentityBuilder(typeof(AppUser), typeof(IdentityRole), services).AddSignInManager();
        services.AddSingleton<FirstRunState>();
        services.AddAuditActors();

        // Automation API: X-Api-Key or the cookie, problem details, OpenAPI document
        services.AddAutomationApi();
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseSerilogRequestLogging();
        app.UseMiddleware<FirstRunGate>();
        app.UseApiProblemDetails();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAuditActors();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapCopyLogExport();
        app.MapAutomationApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
