using CopyTrader.Domain.Configuration;
using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.Audit;
using CopyTrader.Infrastructure.Copying;
using CopyTrader.Infrastructure.Persistence;
using CopyTrader.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace CopyTrader.Infrastructure.Connections;

/// <summary>
/// Writes a new connection, its accounts, a group per leader (auto-copy off) and the followers (×1) in one
/// transaction with its audit entry; a refusal (self-follow, copy loop) throws <see cref="CopyTrader.Domain.CopyTraderDomainException"/>
/// before the commit, so nothing of it is kept.
/// </summary>
internal sealed class NewConnectionWriter(CredentialProtector protector, TimeProvider clock, IAuditTrail audit)
{
    public async Task<int> WriteAsync(CopyTraderDbContext db, ConnectionDraft draft, IReadOnlyList<AccountChoice> choices, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = new BrokerConnection(draft.Name.Trim(), draft.Kind, protector.Protect(draft.CredentialsJson()), clock.GetUtcNow());
        connection.AssignOwner(string.IsNullOrEmpty(draft.OwnerUserId) ? null : draft.OwnerUserId); // "" is nobody, not a user id
        db.BrokerConnections.Add(connection);
        await db.SaveChangesAsync(ct);

        var accounts = choices.ToDictionary(
            c => c.ExternalId.Trim(),
            c => new TradingAccount(connection.Id, c.ExternalId.Trim(), AccountChoiceRules.DisplayName(c)),
            StringComparer.OrdinalIgnoreCase);
        db.TradingAccounts.AddRange(accounts.Values);
        await db.SaveChangesAsync(ct);

        var groupNames = new HashSet<string>(await db.CopyGroups.Select(g => g.Name).ToListAsync(ct), StringComparer.OrdinalIgnoreCase);
        var newGroups = choices.Where(c => c.Leads).ToDictionary(
            c => c.ExternalId.Trim(),
            c => new CopyGroup(ConnectionNames.ForLeaderGroup(AccountChoiceRules.DisplayName(c), connection.Name, groupNames), accounts[c.ExternalId.Trim()].Id, autoCopyEnabled: false),
            StringComparer.OrdinalIgnoreCase);
        db.CopyGroups.AddRange(newGroups.Values);
        await db.SaveChangesAsync(ct);

        var followed = choices.Where(c => c.IsFollower).Select(c => c.Follows!.GroupId).OfType<int>().ToHashSet();
        var existingGroups = await db.CopyGroups.Include(g => g.Followers).Where(g => followed.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        var edges = new List<(int Leader, int Follower)>();
        var followedGroupNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var choice in choices.Where(c => c.IsFollower))
        {
            var group = choice.Follows!.GroupId is { } id ? existingGroups[id] : newGroups[choice.Follows.NewLeaderExternalId!.Trim()];
            var account = accounts[choice.ExternalId.Trim()];
            group.AddFollower(account.Id, FollowerRule.Default);
            edges.Add((group.LeaderAccountId, account.Id));
            followedGroupNames[choice.ExternalId.Trim()] = group.Name;
        }

        var roles = choices.Select(c => ConnectionAudit.Role(c, newGroups.GetValueOrDefault(c.ExternalId.Trim())?.Name, followedGroupNames.GetValueOrDefault(c.ExternalId.Trim())));
        audit.Add(db, new AuditRecord(AuditActions.ConnectionAdded, AuditSubjects.Connection(connection.Name, connection.Kind), ConnectionAudit.Added(draft, roles)));
        await db.SaveChangesAsync(ct);
        if (edges.Count > 0)
        {
            // Every new edge is in the database now (inside this transaction); any loop among them is found.
            await CopyConfigurationService.RefuseLoopsAsync(db, edges[0], ct);
        }

        await transaction.CommitAsync(ct);
        return connection.Id;
    }
}
