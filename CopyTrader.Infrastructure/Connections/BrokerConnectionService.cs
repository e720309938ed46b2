using CopyTrader.Domain;
using CopyTrader.Domain.Brokers;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Brokers.Tradovate;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CopyTrader.Infrastructure.Connections;

internal sealed class BrokerConnectionService(
    IDbContextFactory<CopyTraderDbContext> dbFactory,
    ICopyConfigStore config,
    CredentialProtector protector,
    ConnectionReader reader,
    ConnectionProbe probe,
    NewConnectionWriter writer,
    IAuditTrail audit,
    IOptions<TradovateOptions> tradovate) : IBrokerConnectionService
{
    public IReadOnlyList<string> TradovateEnvironments => [.. tradovate.Value.Environments.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    public Task<IReadOnlyList<ConnectionSummary>> ListAsync(CancellationToken ct = default) => reader.ListAsync(ct);

    public Task<IReadOnlyList<LeaderGroupOption>> ListLeaderGroupsAsync(CancellationToken ct = default) => reader.ListLeaderGroupsAsync(ct);

    public Task<ConnectionTestResult> TestAsync(ConnectionDraft draft, CancellationToken ct = default) =>
        draft.Problems(TradovateEnvironments) is { Count: > 0 } problems
            ? Task.FromResult(ConnectionTestResult.Failed(string.Join(" ", problems)))
            : probe.TestAsync(draft, ct);

    public async Task<ConnectionChangeResult> SaveAsync(ConnectionDraft draft, IReadOnlyList<AccountChoice> accounts, CancellationToken ct = default)
    {
        int id;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var groupIds = (await db.CopyGroups.Select(g => g.Id).ToListAsync(ct)).ToHashSet();
            var problems = new[] { await ConnectionNames.ProblemAsync(db, draft.Name, null, ct) }.OfType<string>()
                .Concat(draft.Problems(TradovateEnvironments))
                .Concat(AccountChoiceRules.Problems(accounts, groupIds))
                .ToList();
            if (problems.Count > 0)
            {
                return ConnectionChangeResult.Refused(problems);
            }

            try
            {
                id = await writer.WriteAsync(db, draft, accounts, ct);
            }
            catch (CopyTraderDomainException ex)
            {
                return ConnectionChangeResult.Refused(ex.Message);
            }
        }

        await config.ReloadAsync(ct);
        return ConnectionChangeResult.Done(id);
    }

    public async Task<ConnectionChangeResult> RenameAsync(int connectionId, string name, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var connection = await db.BrokerConnections.SingleOrDefaultAsync(c => c.Id == connectionId, ct);
            if (connection is null)
            {
                return Missing(connectionId);
            }

            if (await ConnectionNames.ProblemAsync(db, name, connectionId, ct) is { } problem)
            {
                return ConnectionChangeResult.Refused(problem);
            }

            var before = connection.Name;
            connection.Rename(name.Trim());
            audit.Add(db, new AuditRecord(AuditActions.ConnectionRenamed, AuditSubjects.Connection(connection.Name, connection.Kind),
                AuditDiff.Changes([new("Name", AuditDiff.Quoted(before))], [new("Name", AuditDiff.Quoted(connection.Name))])));
            await db.SaveChangesAsync(ct);
        }

        await config.ReloadAsync(ct);
        return ConnectionChangeResult.Done(connectionId);
    }

    public async Task<ConnectionChangeResult> UpdateCredentialsAsync(int connectionId, ConnectionDraft draft, CancellationToken ct = default)
    {
        (string Name, BrokerKind Kind, List<string> Accounts)? current;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            current = await db.BrokerConnections.Where(c => c.Id == connectionId).Select(c => new { c.Name, c.Kind }).SingleOrDefaultAsync(ct) is { } c
                ? (c.Name, c.Kind, await db.TradingAccounts.Where(a => a.BrokerConnectionId == connectionId).OrderBy(a => a.Id).Select(a => a.ExternalId).ToListAsync(ct))
                : null;
        }

        if (current is not { } connection)
        {
            return Missing(connectionId);
        }

        if (draft.Kind != connection.Kind)
        {
            return ConnectionChangeResult.Refused($"'{connection.Name}' is a {connection.Kind} connection; it cannot take {draft.Kind} credentials.");
        }

        // The broker is asked outside any database work: a test may take up to its timeout.
        var test = await TestAsync(draft with { Name = connection.Name }, ct);
        if (!test.Succeeded)
        {
            return ConnectionChangeResult.Refused(test.Error!);
        }

        var missing = connection.Accounts.Except(test.Accounts.Select(a => a.ExternalId), StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            return ConnectionChangeResult.Refused($"The new login does not list {string.Join(", ", missing)}, which '{connection.Name}' serves; credentials not changed.");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var stored = await db.BrokerConnections.SingleOrDefaultAsync(c => c.Id == connectionId, ct);
            if (stored is null)
            {
                return Missing(connectionId);
            }

            stored.ReplaceCredentials(protector.Protect(draft.CredentialsJson()));
            audit.Add(db, new AuditRecord(AuditActions.ConnectionCredentialsReplaced, AuditSubjects.Connection(stored.Name, stored.Kind),
                $"Credentials replaced; the new login was tested and lists {test.Accounts.Count} account{(test.Accounts.Count == 1 ? "" : "s")}."));
            await db.SaveChangesAsync(ct);
        }

        await config.ReloadAsync(ct);
        return ConnectionChangeResult.Done(connectionId);
    }

    public async Task<ConnectionChangeResult> DeleteAsync(int connectionId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var connection = await db.BrokerConnections.SingleOrDefaultAsync(c => c.Id == connectionId, ct);
            if (connection is null)
            {
                return Missing(connectionId);
            }

            var accounts = await db.TradingAccounts.Where(a => a.BrokerConnectionId == connectionId).OrderBy(a => a.Id).ToListAsync(ct);
            var ids = accounts.Select(a => a.Id).ToList();
            var inGroups = (await db.CopyGroups.Where(g => ids.Contains(g.LeaderAccountId)).Select(g => g.LeaderAccountId).ToListAsync(ct))
                .Concat(await db.Followers.Where(f => ids.Contains(f.AccountId)).Select(f => f.AccountId).ToListAsync(ct))
                .ToHashSet();
            if (inGroups.Count > 0)
            {
                var names = accounts.Where(a => inGroups.Contains(a.Id)).Select(a => a.DisplayName);
                return ConnectionChangeResult.Refused(
                    $"'{connection.Name}' cannot be deleted: {string.Join(", ", names)} {(inGroups.Count == 1 ? "is" : "are")} in a copy group. Take {(inGroups.Count == 1 ? "it" : "them")} out of the group first.");
            }

            db.TradingAccounts.RemoveRange(accounts);
            db.BrokerConnections.Remove(connection);
            audit.Add(db, new AuditRecord(AuditActions.ConnectionDeleted, AuditSubjects.Connection(connection.Name, connection.Kind),
                accounts.Count == 0 ? "Deleted; it had no accounts." : $"Deleted with its accounts: {AuditDiff.List(accounts.Select(a => $"'{a.DisplayName}' ({a.ExternalId})"))}"));
            await db.SaveChangesAsync(ct);
        }

        await config.ReloadAsync(ct);
        return ConnectionChangeResult.Done(connectionId);
    }

    private static ConnectionChangeResult Missing(int connectionId) => ConnectionChangeResult.Refused($"Broker connection {connectionId} does not exist.");
}
