using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Tests.Infrastructure.Tradovate.Trading;

/// <summary>What the client sent: method, path below <c>/v1/</c>, raw query, Authorization header, body, and when (by the test clock).</summary>
internal sealed record ScriptedRequest(string Method, string Path, string Query, string? Authorization, string? ContentType, string Body, DateTimeOffset At);

/// <summary>
/// A scripted Tradovate REST server on 127.0.0.1: a test queues exact answers (status + body) per path, served in order,
/// or marks an answer as "never comes" (the request hangs until the client gives up). Unscripted paths answer 599 so a
/// missing script fails loudly. Every request is recorded.
/// </summary>
internal sealed class ScriptedTradovateHttp : IAsyncDisposable
{
    public const int Unscripted = 599;

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Scripted>> _scripts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<ScriptedRequest> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    private ScriptedTradovateHttp(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    /// <summary><c>http://127.0.0.1:port/v1</c>, no trailing slash, like the documented bases.</summary>
    public Uri RestBaseUrl { get; private set; } = null!;

    public IReadOnlyList<ScriptedRequest> Received => [.. _received];

    public static async Task<ScriptedTradovateHttp> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var server = new ScriptedTradovateHttp(app, clock);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.RestBaseUrl = new Uri(address + "/v1");
        return server;
    }

    /// <summary>Queues one answer for <paramref name="path"/> (e.g. <c>order/placeorder</c>).</summary>
    public ScriptedTradovateHttp Answer(string path, int status, string body = "")
    {
        Queue(path).Enqueue(new Scripted(status, body, Hang: false));
        return this;
    }

    /// <summary>Queues an answer that never comes: the request stays open until the client aborts it.</summary>
    public ScriptedTradovateHttp Hang(string path)
    {
        Queue(path).Enqueue(new Scripted(0, "", Hang: true));
        return this;
    }

    public IReadOnlyList<ScriptedRequest> To(string path) => [.. _received.Where(r => r.Path.Equals(path, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Waits (real time, bounded) until <paramref name="count"/> requests in total have arrived.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (_received.Count < count)
        {
            await _arrivals.WaitAsync(cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private ConcurrentQueue<Scripted> Queue(string path) => _scripts.GetOrAdd(path.Trim('/'), _ => new ConcurrentQueue<Scripted>());

    private async Task HandleAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? "").TrimStart('/');
        path = path.StartsWith("v1/", StringComparison.Ordinal) ? path[3..] : path;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var query = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "";
        _received.Enqueue(new ScriptedRequest(
            context.Request.Method, path, query, context.Request.Headers.Authorization.FirstOrDefault(), context.Request.ContentType, body, _clock.GetUtcNow()));
        _arrivals.Release();

        if (!_scripts.TryGetValue(path, out var queue) || !queue.TryDequeue(out var answer))
        {
            context.Response.StatusCode = Unscripted;
            await context.Response.WriteAsync($"no scripted answer for {path}");
            return;
        }

        if (answer.Hang)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = answer.Status;
        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body);
        }
    }

    private sealed record Scripted(int Status, string Body, bool Hang);
}
