using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Copying.History;
using CopyTrader.Infrastructure.Users;
using CopyTrader.Web.Security;

namespace CopyTrader.Web.CopyLog;

/// <summary>GET /copy-log/export.csv?…filters…: the filtered copy log as a CSV download, for signed-in users only, narrowed to what the user may see.</summary>
public static class CopyLogExportEndpoint
{
    public const string Path = "/copy-log/export.csv";

    public static IEndpointRouteBuilder MapCopyLogExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (HttpContext http, ICopyLogQuery query, ICopyConfigStore config, TimeProvider clock, CancellationToken ct) =>
        {
            if (!CopyLogQueryString.TryRead(http.Request.Query, out var filter, out var errors))
            {
                return Results.ValidationProblem(errors, title: "The copy log filter is not valid.");
            }

            // Rows stream as they are read. A failure after the first bytes aborts the response, so a download
            // never ends looking complete when it is not.
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"copy-log-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv\"";
            await query.ExportAsync(UserScope.For(http.User.ToViewer(), config.Current).Restrict(filter), http.Response.Body, ct);
            return Results.Empty;
        });
        return endpoints;
    }
}
