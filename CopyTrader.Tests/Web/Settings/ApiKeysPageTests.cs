using System.Security.Claims;
using Bunit;
using CopyTrader.Infrastructure.ApiKeys;
using CopyTrader.Web.Components.Pages.Settings;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CopyTrader.Tests.Web.Settings;

/// <summary>The API keys settings page: a new key is shown once, the list shows prefixes only, revoking asks first.</summary>
public sealed class ApiKeysPageTests : BunitContext, IAsyncLifetime
{
    private const string UserId = "user-1";

    private readonly FakeApiKeyService _keys = new();

    public ApiKeysPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton<IApiKeyService>(_keys);
        AddAuthorization().SetAuthorized("admin@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public void CreatingAKeyShowsItOnceAndListsOnlyItsPrefix()
    {
        var cut = Render<ApiKeysPage>();

        cut.Find("#api-key-name").Input("Nightly script");
        cut.Find("#api-key-create").Click();

        cut.WaitForAssertion(() => Assert.Equal("ctk_secret001SECRETSECRETSECRETSECRETSECRETSEC", cut.Find("#new-api-key").TextContent));
        Assert.Equal([(UserId, "Nightly script")], _keys.Created);
        var row = cut.Find("[data-key='1']");
        Assert.Contains("ctk_secret00…", row.TextContent);
        Assert.DoesNotContain("SECRETSEC", row.TextContent);
        Assert.Equal("", cut.Find("#api-key-name").GetAttribute("value") ?? "");

        cut.Find("#api-key-done").Click();

        Assert.Empty(cut.FindAll("#new-api-key"));
        Assert.DoesNotContain("SECRETSEC", cut.Markup);
    }

    [Fact]
    public void TheCopyButtonWritesTheKeyToTheClipboard()
    {
        var cut = Render<ApiKeysPage>();
        cut.Find("#api-key-name").Input("CI");
        cut.Find("#api-key-create").Click();

        cut.WaitForElement("#copy-api-key").Click();

        var call = JSInterop.Invocations.Single(i => i.Identifier == "navigator.clipboard.writeText");
        Assert.Equal("ctk_secret001SECRETSECRETSECRETSECRETSECRETSEC", call.Arguments.Single());
    }

    [Fact]
    public void ANameTheServiceRefusesShowsItsMessageAndNoKey()
    {
        var cut = Render<ApiKeysPage>();

        cut.Find("#api-key-create").Click();

        cut.WaitForAssertion(() => Assert.Equal("Give the key a name, e.g. the script that will use it.", cut.Find("#api-key-error").TextContent));
        Assert.Empty(cut.FindAll("#new-api-key"));
        Assert.NotNull(cut.Find("#no-api-keys"));
    }

    [Fact]
    public void RevokeAsksFirstThenCallsTheServiceForThisUsersKey()
    {
        _keys.Seed(UserId, new ApiKeySummary(7, "Old laptop", "ctk_AbCdEfGh", FakeApiKeyService.Now.AddDays(-3), FakeApiKeyService.Now.AddDays(-1), null));
        var cut = Render<ApiKeysPage>();

        cut.Find("[data-revoke='7']").Click();
        Assert.Empty(_keys.Revoked);
        cut.Find("[data-confirm-revoke='7']").Click();

        cut.WaitForAssertion(() => Assert.Equal([(UserId, 7)], _keys.Revoked));
        cut.WaitForAssertion(() => Assert.Equal("Revoked 2026-11-23 14:35 UTC", cut.Find("[data-key='7'] [data-status]").TextContent));
        Assert.Empty(cut.FindAll("[data-revoke='7']"));
    }

    [Fact]
    public void KeepCancelsTheRevoke()
    {
        _keys.Seed(UserId, new ApiKeySummary(7, "Old laptop", "ctk_AbCdEfGh", FakeApiKeyService.Now, null, null));
        var cut = Render<ApiKeysPage>();

        cut.Find("[data-revoke='7']").Click();
        cut.Find("[data-cancel-revoke='7']").Click();

        Assert.Empty(_keys.Revoked);
        Assert.Equal("Active", cut.Find("[data-key='7'] [data-status]").TextContent);
    }

    [Fact]
    public void ListsOnlyTheSignedInUsersKeysWithTheirTimes()
    {
        _keys.Seed(UserId, new ApiKeySummary(1, "Mine", "ctk_Mine0000", FakeApiKeyService.Now, FakeApiKeyService.Now.AddHours(2), null));
        _keys.Seed("someone-else", new ApiKeySummary(2, "Theirs", "ctk_Their000", FakeApiKeyService.Now, null, null));

        var cut = Render<ApiKeysPage>();

        Assert.Single(cut.FindAll("[data-key]"));
        Assert.Equal("2026-11-23 16:05 UTC", cut.Find("[data-key='1'] [data-last-used]").TextContent);
        Assert.DoesNotContain("Theirs", cut.Markup);
    }
}
