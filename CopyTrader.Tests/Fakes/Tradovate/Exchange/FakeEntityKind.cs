namespace CopyTrader.Tests.Fakes.Tradovate.Exchange;

/// <summary>
/// One entity type as the wire names it: the <c>entityType</c> of props and REST path segment (<c>orderVersion</c>),
/// the snapshot array (<c>orderVersions</c>), and the master its <c>/deps</c> are listed by (protocol file 1.3).
/// </summary>
internal sealed record FakeEntityKind(
    string EntityType, string SnapshotKey, Type ClrType, IFakeEntityTable Table, Func<IFakeEntity, long>? Master)
{
    public static FakeEntityKind Of<T>(string entityType, FakeEntityTable<T> table, Func<T, long>? master = null)
        where T : class, IFakeEntity =>
        new(entityType, entityType + "s", typeof(T), table, master is null ? null : e => master((T)e));
}
