namespace CopyTrader.Infrastructure.Audit;

/// <summary>
/// The actor of the work running now, for singleton services that have no request or circuit of their own. The web
/// layer begins an actor around each HTTP request and each Blazor UI event; the value flows across awaits (it is an
/// <see cref="AsyncLocal{T}"/>), and anything outside such a scope acts as <see cref="Actor.System"/>.
/// </summary>
public sealed class CurrentActor
{
    private readonly AsyncLocal<Actor?> _current = new();

    public Actor Current => _current.Value ?? Actor.System;

    /// <summary>Makes <paramref name="actor"/> current until the returned scope is disposed, which restores the previous one.</summary>
    public IDisposable Begin(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var previous = _current.Value;
        _current.Value = actor;
        return new Scope(this, previous);
    }

    private sealed class Scope(CurrentActor owner, Actor? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                owner._current.Value = previous;
            }
        }
    }
}
