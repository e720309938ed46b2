namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>The entities of one type by id, in creation order; <see cref="Put"/> adds or replaces.</summary>
internal sealed class FakeEntityTable<T> : IFakeEntityTable
    where T : class, IFakeEntity
{
    private readonly Dictionary<long, T> _byId = [];
    private readonly List<long> _ids = [];

    public IReadOnlyList<T> All => [.. _ids.Select(id => _byId[id])];

    IEnumerable<IFakeEntity> IFakeEntityTable.All => All;

    public T? Get(long id) => _byId.GetValueOrDefault(id);

    IFakeEntity? IFakeEntityTable.Get(long id) => Get(id);

    public bool Contains(long id) => _byId.ContainsKey(id);

    /// <summary>Adds or replaces; true when the entity is new.</summary>
    public bool Put(T entity)
    {
        var created = !_byId.ContainsKey(entity.Id);
        if (created)
        {
            _ids.Add(entity.Id);
        }

        _byId[entity.Id] = entity;
        return created;
    }
}

internal interface IFakeEntityTable
{
    IEnumerable<IFakeEntity> All { get; }

    IFakeEntity? Get(long id);
}
