using CopyTrader.Infrastructure.Connections;
using CopyTrader.Web.Components.Pages.Connections;

namespace CopyTrader.Tests.Web.Connections;

public class AccountRolePlanTests
{
    private readonly AccountRolePlan _plan = new(
        [new DiscoveredAccount("SIM-1", "SIM-1"), new DiscoveredAccount("SIM-2", "SIM-2")],
        [new LeaderGroupOption(5, "Demo", "Demo leader")]);

    [Fact]
    public void OffersExistingGroupsAndLeadersChosenInTheFormButNotTheAccountItself()
    {
        _plan.SetRole(_plan.Rows[0], AccountRoleOption.Leader);

        Assert.Equal(
            ["No role", "Leader (new group)", "Follower of Demo (led by Demo leader)", "Follower of SIM-1 (new group)",
             "Leader, and follower of Demo (led by Demo leader)", "Leader, and follower of SIM-1 (new group)"],
            _plan.OptionsFor(_plan.Rows[1]).Select(_plan.Label));
        Assert.Equal(4, _plan.OptionsFor(_plan.Rows[0]).Count);
    }

    [Fact]
    public void FollowersOfALeaderThatIsDroppedFallBackToNoRole()
    {
        _plan.SetRole(_plan.Rows[0], AccountRoleOption.Leader);
        _plan.SetRole(_plan.Rows[1], new AccountRoleOption(AccountRole.Follower, FollowTarget.NewLeader("SIM-1")));

        _plan.SetIncluded(_plan.Rows[0], false);

        Assert.Equal(AccountRoleOption.None, _plan.Rows[1].Role);
        Assert.Equal([new AccountChoice("SIM-2", "SIM-2", AccountRole.None)], _plan.Choices());
    }

    [Fact]
    public void ALeaderAndFollowerWhoseLeaderIsDroppedStaysLeader()
    {
        _plan.SetRole(_plan.Rows[0], AccountRoleOption.Leader);
        _plan.SetRole(_plan.Rows[1], new AccountRoleOption(AccountRole.LeaderAndFollower, FollowTarget.NewLeader("SIM-1")));

        _plan.SetRole(_plan.Rows[0], new AccountRoleOption(AccountRole.Follower, FollowTarget.Group(5)));

        Assert.Equal(AccountRoleOption.Leader, _plan.Rows[1].Role);
    }
}
