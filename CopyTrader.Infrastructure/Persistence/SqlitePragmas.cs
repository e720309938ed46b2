using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CopyTrader.Infrastructure.Persistence;

/// <summary>
/// SQLite in write-ahead-log mode with NORMAL sync: a commit no longer waits for its own fsync (the log is
/// synced at checkpoints), which keeps the background writers from stalling the copy path. The database
/// cannot be corrupted by a crash; a power cut can lose the last moments of copy-log and ledger rows.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
