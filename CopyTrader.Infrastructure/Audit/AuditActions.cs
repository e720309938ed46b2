namespace CopyTrader.Infrastructure.Audit;

/// <summary>
/// The action codes stored in the trail: "category.what". They are data (filtered on, kept for years), so a
/// code never changes meaning once used; add new ones instead.
/// </summary>
public static class AuditActions
{
    public const string GroupCreated = "group.created";
    public const string GroupUpdated = "group.updated";
    public const string GroupDeleted = "group.deleted";
    public const string GroupAutoCopy = "group.auto-copy";
    public const string GroupOptions = "group.options";

    public const string FollowerAdded = "follower.added";
    public const string FollowerUpdated = "follower.updated";
    public const string FollowerRuleChanged = "follower.rule-changed";
    public const string FollowerRiskLimits = "follower.risk-limits";
    public const string FollowerEnabled = "follower.enabled";
    public const string FollowerDisabled = "follower.disabled";
    public const string FollowerWebhookOrders = "follower.webhook-orders";
    public const string FollowerRemoved = "follower.removed";

    public const string ContractMapAdded = "contract-map.added";
    public const string ContractMapRemoved = "contract-map.removed";

    public const string ConnectionAdded = "connection.added";
    public const string ConnectionRenamed = "connection.renamed";
    public const string ConnectionCredentialsReplaced = "connection.credentials-replaced";
    public const string ConnectionDeleted = "connection.deleted";

    public const string FlattenAccount = "flatten.account";
    public const string FlattenGroup = "flatten.group";
    public const string FlattenAll = "flatten.all";

    public const string TicketBuy = "ticket.buy";
    public const string TicketSell = "ticket.sell";
    public const string TicketClose = "ticket.close";

    public const string SyncFollower = "sync.follower";

    public const string ApiKeyCreated = "api-key.created";
    public const string ApiKeyRevoked = "api-key.revoked";

    public const string UserInvited = "user.invited";
    public const string UserRoleChanged = "user.role-changed";
    public const string UserInvitationRenewed = "user.invitation-renewed";
    public const string UserInvitationAccepted = "user.invitation-accepted";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string ConnectionOwnerChanged = "connection.owner-changed";

    /// <summary>The categories (the part before the dot) with a label each, for the trail page's filter; "user" is for user management.</summary>
    public static readonly IReadOnlyList<(string Category, string Label)> Categories =
    [
        ("group", "Copy groups"),
        ("follower", "Followers"),
        ("contract-map", "Contract maps"),
        ("connection", "Broker connections"),
        ("flatten", "Flatten"),
        ("ticket", "Trade ticket"),
        ("sync", "Sync"),
        ("api-key", "API keys"),
        ("user", "Users"),
    ];
}
