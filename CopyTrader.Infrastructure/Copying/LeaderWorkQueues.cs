using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CopyTrader.Infrastructure.Copying;

/// <summary>
/// One queue per leader: its fills, order updates, flattens and reconciliations run one at a time in arrival
/// order, so nothing of one leader interleaves; different leaders never wait for each other.
/// </summary>
internal sealed class LeaderWorkQueues(IHostApplicationLifetime lifetime, ILogger<LeaderWorkQueues> logger)
{
    private readonly ConcurrentDictionary<int, Channel<Func<Task>>> _queues = new();

    /// <summary>Queues work; a failure is logged with <paramref name="what"/> and the queue goes on.</summary>
    public void Post(int leaderAccountId, string what, Func<Task> work) => Queue(leaderAccountId).Writer.TryWrite(async () =>
    {
        try
        {
            await work();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "{What} for leader {AccountId} failed", what, leaderAccountId);
        }
    });

    /// <summary>Runs work after what is already queued for the leader; completes (or fails) with it.</summary>
    public Task RunAsync(int leaderAccountId, Func<Task> work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue(leaderAccountId).Writer.TryWrite(async () =>
        {
            try
            {
                await work();
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        });
        return done.Task;
    }

    public async Task<T> RunAsync<T>(int leaderAccountId, Func<Task<T>> work)
    {
        T result = default!;
        await RunAsync(leaderAccountId, async () => { result = await work(); });
        return result;
    }

    private Channel<Func<Task>> Queue(int leaderAccountId) => _queues.GetOrAdd(leaderAccountId, newLeader =>
    {
        var channel = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
        _ = Task.Run(() => ConsumeAsync(channel.Reader));
        return channel;
    });

    private async Task ConsumeAsync(ChannelReader<Func<Task>> reader)
    {
        try
        {
            await foreach (var work in reader.ReadAllAsync(lifetime.ApplicationStopping))
            {
                await work();
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
    }
}
