using System.Text.Json.Nodes;
using CopyTrader.Domain.Copying;
using CopyTrader.Web.Api.Endpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CopyTrader.Web.Api.OpenApi;

/// <summary>
/// The copy log's query parameters in the OpenAPI document. The endpoint reads them itself (to answer each bad
/// value with a field error), so the framework cannot describe them.
/// </summary>
internal static class CopyLogParameters
{
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var names = CopyLogApi.Names;
        operation.Parameters ??= [];
        foreach (var parameter in new[]
                 {
                     Query(names.From, "Entries at or after this instant (ISO 8601; without an offset, UTC).", JsonSchemaType.String, "date-time"),
                     Query(names.To, "Entries before this instant (ISO 8601; without an offset, UTC).", JsonSchemaType.String, "date-time"),
                     Query(names.Group, "Only this copy group's entries.", JsonSchemaType.Integer, "int32"),
                     Query(names.Follower, "Only entries copied to this trading account.", JsonSchemaType.Integer, "int32"),
                     Query(names.Outcome, $"Only this outcome: {string.Join(", ", Enum.GetNames<CopyOutcome>())}.", JsonSchemaType.String, null,
                         Enum.GetNames<CopyOutcome>()),
                     Query(names.Symbol, "Follower's or leader's contract starting with this, any case: MNQ finds MNQZ6.", JsonSchemaType.String, null),
                     Query(CopyLogPaging.PageParameter, "1-based page number; default 1.", JsonSchemaType.Integer, "int32"),
                     Query(CopyLogPaging.PageSizeParameter, $"Entries per page, 1 to {CopyLogPaging.MaxPageSize}; default {CopyLogPaging.DefaultPageSize}.",
                         JsonSchemaType.Integer, "int32"),
                 })
        {
            operation.Parameters.Add(parameter);
        }

        return Task.CompletedTask;
    }

    private static OpenApiParameter Query(string name, string description, JsonSchemaType type, string? format, string[]? values = null) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description,
        Required = false,
        Schema = new OpenApiSchema { Type = type, Format = format, Enum = values?.Select(v => (JsonNode)JsonValue.Create(v)).ToList() },
    };
}
