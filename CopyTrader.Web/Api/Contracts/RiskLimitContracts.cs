using CopyTrader.Domain.Configuration;
using CopyTrader.Web.Api.Errors;

namespace CopyTrader.Web.Api.Contracts;

/// <summary>
/// A follower's risk limits: stored and shown, not enforced yet. Null is "no limit", zero is a value (a daily loss
/// limit of 0 stops at the first loss). The copy window is wall-clock time in US Central Time ("17:00", may run
/// over midnight); both ends or neither. Every field is required, so sending one limit never clears the others.
/// </summary>
public sealed record FollowerRiskLimitsDto
{
    /// <summary>The day's loss, as a positive amount in the account's currency, at which copying would stop.</summary>
    public required decimal? DailyLossLimit { get; init; }

    public required int? MaxContractsPerOrder { get; init; }

    public required TimeOnly? CopyWindowStart { get; init; }

    public required TimeOnly? CopyWindowEnd { get; init; }

    public static FollowerRiskLimitsDto Of(FollowerRiskLimits l) => new()
    {
        DailyLossLimit = l.DailyLossLimit,
        MaxContractsPerOrder = l.MaxContractsPerOrder,
        CopyWindowStart = l.CopyWindowStart,
        CopyWindowEnd = l.CopyWindowEnd,
    };

    public FollowerRiskLimits ToLimits() => new()
    {
        DailyLossLimit = DailyLossLimit,
        MaxContractsPerOrder = MaxContractsPerOrder,
        CopyWindowStart = CopyWindowStart,
        CopyWindowEnd = CopyWindowEnd,
    };

    /// <summary>The domain's own problems, each under the field it is about.</summary>
    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        AddProblems(errors, "dailyLossLimit", new FollowerRiskLimits { DailyLossLimit = DailyLossLimit });
        AddProblems(errors, "maxContractsPerOrder", new FollowerRiskLimits { MaxContractsPerOrder = MaxContractsPerOrder });
        AddProblems(errors, CopyWindowStart is null ? "copyWindowStart" : "copyWindowEnd",
            new FollowerRiskLimits { CopyWindowStart = CopyWindowStart, CopyWindowEnd = CopyWindowEnd });
        return errors;
    }

    private static void AddProblems(FieldErrors errors, string field, FollowerRiskLimits part)
    {
        foreach (var problem in part.Problems())
        {
            errors.Add(field, problem);
        }
    }
}
