using System.Net;
using System.Text.RegularExpressions;

namespace CopyTrader.Tests.Support;

/// <summary>Signs an HttpClient in through the real login form (antiforgery token included), so it carries the Identity cookie.</summary>
public static partial class FormSignIn
{
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The login form has no antiforgery token.");
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location || new Uri(client.BaseAddress!, location).AbsolutePath != "/")
        {
            throw new InvalidOperationException($"Sign-in failed: HTTP {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
