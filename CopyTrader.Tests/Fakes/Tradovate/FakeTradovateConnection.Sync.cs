using System.Text.Json;
using System.Text.Json.Nodes;
using CopyTrader.Tests.Fakes.Tradovate.Exchange;

namespace CopyTrader.Tests.Fakes.Tradovate;

/// <summary>
/// <c>user/syncrequest</c> (protocol file 1.6) and the live <c>props</c> that follow it (1.7): after the snapshot,
/// every exchange event the sync covers is queued here, shaped by the socket knobs of <see cref="FakeTradovateFaults"/>.
/// </summary>
public sealed partial class FakeTradovateConnection
{
    private const string TruncatedFrame = "a[{\"e\":\"props\",\"d\":";

    private volatile FakeSyncCoverage? _coverage;

    /// <summary>What this socket's sync subscribed to; null before a sync.</summary>
    public FakeSyncCoverage? Coverage => _coverage;

    /// <summary>Queues this socket's share of one exchange operation's events; called inside the exchange lock.</summary>
    internal void Offer(IReadOnlyList<FakePropsEvent> batch)
    {
        if (_coverage is not { } coverage)
        {
            return;
        }

        var covered = batch.Where(e => coverage.Covers(e.AccountId, e.UserId)).ToArray();
        if (covered.Length == 0)
        {
            return;
        }

        var faults = _backend.Faults;
        var ordered = faults.ReorderEvents?.Invoke(covered) ?? covered;
        var messages = ordered.SelectMany(e => faults.DuplicateEvents ? new[] { e.ToJson(), e.ToJson() } : [e.ToJson()]).ToArray();
        foreach (var chunk in messages.Chunk(faults.PropsPerFrame is > 0 and var size ? size : messages.Length))
        {
            if (faults.TakeMalformedFrame())
            {
                Enqueue(TruncatedFrame);
            }

            Enqueue($"a[{string.Join(',', chunk)}]");
        }
    }

    private string? Sync(long id, string body, FakeTradovateGrant grant)
    {
        lock (_gate)
        {
            _syncBodies.Add(body);
            if (_syncBodies.Count > 1)
            {
                _violations.Add($"user/syncrequest number {_syncBodies.Count} on one socket");
            }
        }

        if (ReadSyncBody(body) is not { } request)
        {
            return Error(id, 400, "user/syncrequest body must be {\"users\":[ids]} and/or {\"accounts\":[ids]}");
        }

        var coverage = new FakeSyncCoverage(grant, request.Users, request.Accounts);
        if (_options.SnapshotJson is { } fixedSnapshot)
        {
            _backend.Exchange.Sync(coverage, _ =>
            {
                Enqueue($$"""a[{"s":200,"i":{{id}},"d":{{fixedSnapshot}}}]""");
                _coverage = coverage;
            });
            return null;
        }

        var split = request.Split ? _backend.Faults.SplitResponses : FakeSplitResponses.Ignore;
        _backend.Exchange.Sync(coverage, arrays =>
        {
            foreach (var d in SnapshotParts(arrays, split))
            {
                Enqueue($$"""a[{"s":200,"i":{{id}},"d":{{d.ToJsonString()}}}]""");
            }

            _coverage = coverage;
        });
        return null;
    }

    private static IEnumerable<JsonObject> SnapshotParts(IReadOnlyList<KeyValuePair<string, JsonArray>> arrays, FakeSplitResponses split)
    {
        if (split == FakeSplitResponses.Ignore)
        {
            yield return new JsonObject(arrays.Select(a => new KeyValuePair<string, JsonNode?>(a.Key, a.Value)));
            yield break;
        }

        var users = arrays.Where(a => a.Key == "users");
        var others = arrays.Where(a => a.Key != "users");
        foreach (var array in split == FakeSplitResponses.PerEntityType ? users.Concat(others) : others.Concat(users))
        {
            yield return new JsonObject { [array.Key] = array.Value };
        }
    }

    /// <summary>Reads users, accounts and splitResponses; null when the body is not that shape. An unparsable body of a fixed-snapshot server still syncs.</summary>
    private SyncBody? ReadSyncBody(string body)
    {
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            return _options.SnapshotJson is null ? null : new SyncBody(new HashSet<long>(), new HashSet<long>(), false);
        }

        var users = Ids(json["users"]);
        var accounts = Ids(json["accounts"]);
        var split = json["splitResponses"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;
        return users is null || accounts is null ? null : new SyncBody(users, accounts, split);
    }

    private static HashSet<long>? Ids(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array when array.All(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _)) =>
            [.. array.Select(n => n!.GetValue<long>())],
        _ => null,
    };

    private sealed record SyncBody(IReadOnlySet<long> Users, IReadOnlySet<long> Accounts, bool Split);
}
