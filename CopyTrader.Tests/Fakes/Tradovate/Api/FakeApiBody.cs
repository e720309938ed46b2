using System.Text.Json;
using System.Text.Json.Nodes;

namespace CopyTrader.Tests.Fakes.Tradovate.Api;

/// <summary>
/// Reads a JSON request body field by field and collects violations in the wire's validation form
/// <c>{"constraint","value","description"}</c> (protocol file 1.3) [constraint names U].
/// </summary>
internal sealed class FakeApiBody
{
    private readonly JsonObject _json;
    private readonly List<JsonObject> _violations = [];

    private FakeApiBody(JsonObject json) => _json = json;

    public bool Valid => _violations.Count == 0;

    /// <summary>A body that is not a JSON object is a malformed request: 400.</summary>
    public static FakeApiBody Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject json
                ? new FakeApiBody(json)
                : throw new FakeApiException(400, "Request body is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new FakeApiException(400, $"Malformed JSON: {ex.Message}");
        }
    }

    public string ViolationsJson() => new JsonObject { ["violations"] = new JsonArray([.. _violations]) }.ToJsonString();

    public long? Id(string name, bool required = true)
    {
        if (Number(name, required) is not { } n)
        {
            return null;
        }

        return n == decimal.Truncate(n) && n is > 0 and <= long.MaxValue ? (long)n : Violation<long?>("Positive", name, "must be a positive integer id");
    }

    public int? Quantity(string name, bool required = true)
    {
        if (Number(name, required) is not { } n)
        {
            return null;
        }

        return n == decimal.Truncate(n) && n is >= 1 and <= int.MaxValue ? (int)n : Violation<int?>("Min", name, "must be a whole number of at least 1");
    }

    public decimal? Decimal(string name) => Number(name, required: false);

    public string? Text(string name, bool required = false)
    {
        var node = _json[name];
        if (node is null)
        {
            return required ? Missing<string?>(name) : null;
        }

        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } text
            ? text
            : Violation<string?>("NotEmpty", name, "must be a non-empty string");
    }

    public string? Word(string name, IReadOnlySet<string> allowed, bool required = true)
    {
        var word = Text(name, required);
        return word is null || allowed.Contains(word) ? word : Violation<string?>("Enum", name, $"must be one of {string.Join(", ", allowed)}");
    }

    public bool? Bool(string name) => _json[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => Violation<bool?>("Type", name, "must be a boolean"),
    };

    public JsonObject? Object(string name, bool required)
    {
        return _json[name] switch
        {
            null => required ? Missing<JsonObject?>(name) : null,
            JsonObject o => o,
            _ => Violation<JsonObject?>("Type", name, "must be an object"),
        };
    }

    /// <summary>A nested object (a bracket) read with the same rules; its violations are prefixed with its name.</summary>
    public FakeApiBody? Nested(string name, bool required) => Object(name, required) is { } o ? new FakeApiBody(o) : null;

    public void Absorb(FakeApiBody? nested, string prefix)
    {
        foreach (var violation in nested?._violations ?? [])
        {
            violation["description"] = $"{prefix}.{(string?)violation["description"]}";
            _violations.Add((JsonObject)violation.DeepClone());
        }
    }

    private decimal? Number(string name, bool required)
    {
        var node = _json[name];
        if (node is null)
        {
            return required ? Missing<decimal?>(name) : null;
        }

        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var n)
            ? n
            : Violation<decimal?>("Type", name, "must be a number");
    }

    private T Missing<T>(string name)
    {
        _violations.Add(new JsonObject { ["constraint"] = "NotNull", ["value"] = "", ["description"] = $"{name} may not be null" });
        return default!;
    }

    private T Violation<T>(string constraint, string name, string description)
    {
        var value = _json[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : _json[name]?.ToJsonString() ?? "";
        _violations.Add(new JsonObject
        {
            ["constraint"] = constraint,
            ["value"] = value,
            ["description"] = $"{name} {description}",
        });
        return default!;
    }
}
