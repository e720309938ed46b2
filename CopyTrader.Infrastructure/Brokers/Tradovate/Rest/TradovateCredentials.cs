namespace CopyTrader.Infrastructure.Brokers.Tradovate.Rest;

/// <summary>
/// What <c>POST auth/accesstokenrequest</c> sends (protocol file 1.2) [C]. <see cref="Cid"/> is the API key's numeric id,
/// <see cref="Sec"/> its secret; <see cref="DeviceId"/> is optional for demo and enforced for live trading [C].
/// <see cref="ToString"/> never shows the password or the secret, so the record is safe to log.
/// </summary>
public sealed record TradovateCredentials(
    string Name,
    string Password,
    string AppId,
    string AppVersion,
    long Cid,
    string Sec,
    string? DeviceId = null)
{
    public override string ToString() =>
        $"TradovateCredentials {{ Name = {Name}, Password = ***, AppId = {AppId}, AppVersion = {AppVersion}, Cid = {Cid}, Sec = ***, DeviceId = {DeviceId} }}";
}
