using System.Text.Json.Nodes;
using CopyTrader.Tests.Fakes.Tradovate.Exchange;

namespace CopyTrader.Tests.Fakes.Tradovate.Api;

/// <summary>
/// Generic entity reads (protocol file 1.3): <c>list</c>, <c>item?id=</c>, <c>items?ids=</c>, <c>find?name=</c> (named
/// entities), <c>deps?masterid=</c>, <c>ldeps?masterids=</c>, <c>suggest?t=&amp;l=</c>, and
/// <c>cashBalance/getcashbalancesnapshot</c>. Another user's entities are invisible: left out of lists, 404 by id.
/// </summary>
internal sealed partial class FakeTradovateApi
{
    private FakeApiAnswer ReadEntities(string entityType, string operation, FakeApiCall call) => exchange.Read(store =>
    {
        var kind = store.Kind(entityType) ?? throw new FakeApiException(404, $"Unknown endpoint {call.Endpoint}");
        var visible = kind.Table.All.Where(e => call.Grant.Sees(store.UserOf(e)));
        return operation switch
        {
            "list" => Array(visible),
            "item" => Single(visible.FirstOrDefault(e => e.Id == QueryId(call, "id")), kind, Text(QueryId(call, "id"))),
            "items" => Array(QueryIds(call, "ids").Select(id => visible.FirstOrDefault(e => e.Id == id)).OfType<IFakeEntity>()),
            "find" => Single(Named(kind, visible).FirstOrDefault(e => e.Name == Query(call, "name")), kind, Query(call, "name")),
            "deps" => Array(Dependents(kind, visible, [QueryId(call, "masterid")])),
            "ldeps" => Array(Dependents(kind, visible, QueryIds(call, "masterids"))),
            "suggest" => Array(Suggest(store, Named(kind, visible), Query(call, "t"), call.Query.TryGetValue("l", out var l) ? ParseId(l, "l") : null)),
            _ => FakeApiAnswer.Error(404, $"Unknown endpoint {call.Endpoint}"),
        };
    });

    private FakeApiAnswer CashBalanceSnapshot(FakeApiCall call)
    {
        var body = FakeApiBody.Parse(call.Body);
        var accountId = body.Id("accountId");
        if (!body.Valid || accountId is null)
        {
            return FakeApiAnswer.Ok(body.ViolationsJson());
        }

        Owned(accountId.Value, call);
        return FakeApiAnswer.Ok(FakeExchangeJson.Serialize(exchange.CashSnapshotOf(accountId.Value)));
    }

    private static IEnumerable<IFakeEntity> Dependents(FakeEntityKind kind, IEnumerable<IFakeEntity> visible, IReadOnlyCollection<long> masters)
    {
        var master = kind.Master ?? throw new FakeApiException(404, $"{kind.EntityType} has no master entity");
        return visible.Where(e => masters.Contains(master(e)));
    }

    /// <summary>Names starting with <paramref name="text"/> (case-insensitive); contracts front month first, then by expiry.</summary>
    private static IEnumerable<IFakeEntity> Suggest(FakeEntityStore store, IEnumerable<IFakeNamedEntity> named, string text, long? limit)
    {
        var matches = named.Where(e => e.Name.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e is FakeContract c && store.Maturities.Get(c.ContractMaturityId) is { IsFront: true } ? 0 : 1)
            .ThenBy(e => e is FakeContract c ? store.Maturities.Get(c.ContractMaturityId)?.ExpirationDate : null)
            .ThenBy(e => e.Name, StringComparer.Ordinal);
        return limit is { } l ? matches.Take((int)Math.Min(l, int.MaxValue)) : matches;
    }

    /// <summary>find and suggest exist only for entities with a name [C].</summary>
    private static IEnumerable<IFakeNamedEntity> Named(FakeEntityKind kind, IEnumerable<IFakeEntity> visible) =>
        typeof(IFakeNamedEntity).IsAssignableFrom(kind.ClrType)
            ? visible.Cast<IFakeNamedEntity>()
            : throw new FakeApiException(404, $"{kind.EntityType} has no name");

    private static FakeApiAnswer Single(IFakeEntity? entity, FakeEntityKind kind, string key) => entity is null
        ? FakeApiAnswer.Error(404, $"{kind.EntityType} {key} not found")
        : FakeApiAnswer.Ok(FakeExchangeJson.Serialize(entity));

    private static FakeApiAnswer Array(IEnumerable<IFakeEntity> entities) =>
        FakeApiAnswer.Ok(new JsonArray([.. entities.Select(FakeExchangeJson.Node)]).ToJsonString());

    private static string Query(FakeApiCall call, string name) =>
        call.Query.TryGetValue(name, out var value) ? value : throw new FakeApiException(400, $"query parameter {name} is required");

    private static long QueryId(FakeApiCall call, string name) => ParseId(Query(call, name), name);

    private static long[] QueryIds(FakeApiCall call, string name) =>
        [.. Query(call, name).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => ParseId(id, name))];

    private static long ParseId(string text, string name) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new FakeApiException(400, $"query parameter {name} is not a number: {text}");
}
