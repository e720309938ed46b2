using CopyTrader.Domain.Copying;
using CopyTrader.Infrastructure.CopySetup;
using CopyTrader.Web.Api.Errors;

namespace CopyTrader.Web.Api.Contracts;

/// <summary>A stored contract map of one group, or global (<see cref="GroupId"/> null); a group's map for a root wins.</summary>
public sealed record ContractMapDto(int Id, int? GroupId, string SourceRoot, string TargetRoot, decimal Ratio)
{
    public static ContractMapDto Of(ContractMapView v) => new(v.Id, v.GroupId, v.Mapping.SourceRoot, v.Mapping.TargetRoot, v.Mapping.Ratio);
}

/// <summary><see cref="GroupId"/> is required and may be null: a global map is asked for explicitly, never by leaving it out.</summary>
public sealed record AddContractMapRequest
{
    public required int? GroupId { get; init; }
    public required string SourceRoot { get; init; }
    public required string TargetRoot { get; init; }
    public required decimal Ratio { get; init; }

    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        errors.AddIf(Roots.Problem(SourceRoot) is not null, "sourceRoot", Roots.Problem(SourceRoot) ?? "");
        errors.AddIf(Roots.Problem(TargetRoot) is not null, "targetRoot", Roots.Problem(TargetRoot) ?? "");
        errors.AddIf(Ratio <= 0m, "ratio", $"A contract map ratio must be greater than zero (got {Ratio}).");
        return errors;
    }

    public ContractMapping ToMapping() => new(Roots.Normalize(SourceRoot), Roots.Normalize(TargetRoot), Ratio);
}
