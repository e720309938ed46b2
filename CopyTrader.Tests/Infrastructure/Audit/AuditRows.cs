using CopyTrader.Infrastructure.Audit;
using CopyTrader.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CopyTrader.Tests.Infrastructure.Audit;

/// <summary>Reading the trail of a <see cref="PipelineHost"/>, and acting as a signed-in user in it.</summary>
internal static class AuditRows
{
    public static readonly Actor Alice = new("user-alice", "alice@example.com", AuditChannel.Web);

    public static Task<List<AuditEntry>> AllAsync(PipelineHost app) =>
        app.WithDbAsync(db => db.AuditTrail.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    public static async Task<AuditEntry> SingleAsync(PipelineHost app) => Assert.Single(await AllAsync(app));

    public static IDisposable ActAs(PipelineHost app, Actor actor) => app.Services.GetRequiredService<CurrentActor>().Begin(actor);

    public static void AssertBy(Actor actor, AuditEntry entry) =>
        Assert.Equal((actor.UserId, actor.Name, actor.Channel), (entry.ActorUserId, entry.ActorName, entry.Channel));
}
