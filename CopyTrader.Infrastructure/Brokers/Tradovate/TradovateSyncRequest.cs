using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopyTrader.Infrastructure.Brokers.Tradovate;

/// <summary>
/// The body of <c>user/syncrequest</c> (protocol file 1.6) [C]: <c>{"users":[id]}</c> or <c>{"accounts":[ids]}</c>,
/// optionally <c>splitResponses</c> and <c>entityTypes</c> (partner accounts). Absent fields are not sent.
/// </summary>
public sealed record TradovateSyncRequest(
    IReadOnlyList<long>? Users = null,
    IReadOnlyList<long>? Accounts = null,
    bool? SplitResponses = null,
    IReadOnlyList<string>? EntityTypes = null)
{
    public const string Endpoint = "user/syncrequest";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TradovateSyncRequest ForUser(long userId) => new(Users: [userId]);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
