using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CopyTrader.Infrastructure.Brokers.Tradovate.Auth;

/// <summary>
/// Every <see cref="TradovateOptions.TokenCheckSeconds"/>: renews the token of each registered login that has one and
/// is within <see cref="TradovateOptions.RenewBeforeExpiryMinutes"/> of its expirationTime (protocol file 1.2). A
/// failed renewal keeps the good token and is recorded by the holder; logins without a token are left to the connector.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class TokenRefreshJob(
    TradovateTokenRegistry registry,
    TradovateAuthClientFactory clients,
    IOptions<TradovateOptions> options,
    TimeProvider time,
    ILogger<TokenRefreshJob> logger) : IJob
{
    public static readonly JobKey Key = new("tradovate-token-refresh");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var margin = options.Value.RenewBeforeExpiry;
        foreach (var login in registry.Logins)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = login.Holder.Current;
            if (token is null || !login.Holder.NeedsRenewal(time.GetUtcNow(), margin))
            {
                continue;
            }

            try
            {
                var result = await clients.For(login.Environment).RenewTokenAsync(token.AccessToken, cancellationToken);
                login.Holder.Apply(result);
            }
            catch (ArgumentException ex)
            {
                // An environment removed from configuration: record it, keep the token, try the other logins.
                logger.LogError("Tradovate token renewal for {Login} impossible: {Reason}", login.LoginKey, ex.Message);
                login.Holder.Apply(new Rest.TradovateAuthResult.Failed(ex.Message));
            }
        }
    }
}
