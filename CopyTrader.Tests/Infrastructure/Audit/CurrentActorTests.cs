using CopyTrader.Infrastructure.Audit;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>The ambient actor: the system by default, set for a scope, restored after it, and flowing across awaits.</summary>
public sealed class CurrentActorTests
{
    private static readonly Actor Alice = new("user-alice", "alice@example.com", AuditChannel.Web);
    private static readonly Actor Bob = new("user-bob", "bob@example.com", AuditChannel.Api);

    private readonly CurrentActor _actors = new();

    [Fact]
    public void IsTheSystemWhenNobodyActs() => Assert.Equal(Actor.System, _actors.Current);

    [Fact]
    public void BeginSetsTheActorAndDisposingRestoresThePreviousOne()
    {
        using (_actors.Begin(Alice))
        {
            Assert.Equal(Alice, _actors.Current);
            using (_actors.Begin(Bob))
            {
                Assert.Equal(Bob, _actors.Current);
            }

            Assert.Equal(Alice, _actors.Current);
        }

        Assert.Equal(Actor.System, _actors.Current);
    }

    [Fact]
    public void DisposingTwiceDoesNotUndoALaterScope()
    {
        var first = _actors.Begin(Alice);
        first.Dispose();
        using var second = _actors.Begin(Bob);

        first.Dispose();

        Assert.Equal(Bob, _actors.Current);
    }

    [Fact]
    public async Task FlowsAcrossAwaitsAndIntoWorkStartedInTheScope()
    {
        using var scope = _actors.Begin(Alice);

        await Task.Yield();
        var inTask = await Task.Run(async () =>
        {
            await Task.Delay(1);
            return _actors.Current;
        });

        Assert.Equal((Alice, Alice), (_actors.Current, inTask));
    }

    [Fact]
    public async Task ConcurrentFlowsKeepTheirOwnActor()
    {
        var gate = new TaskCompletionSource();

        async Task<Actor> ActAsync(Actor actor)
        {
            using var scope = _actors.Begin(actor);
            await gate.Task;
            return _actors.Current;
        }

        var alice = ActAsync(Alice);
        var bob = ActAsync(Bob);
        gate.SetResult();

        Assert.Equal([Alice, Bob], await Task.WhenAll(alice, bob));
        Assert.Equal(Actor.System, _actors.Current);
    }

    [Fact]
    public async Task WorkStartedBeforeTheScopeDoesNotSeeIt()
    {
        var before = new TaskCompletionSource<Actor>();
        var release = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            release.Wait();
            before.SetResult(_actors.Current);
        });
        thread.Start();

        using (_actors.Begin(Alice))
        {
            release.Set();
            thread.Join();
        }

        Assert.Equal(Actor.System, await before.Task);
    }
}
