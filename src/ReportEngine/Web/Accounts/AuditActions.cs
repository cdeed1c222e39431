namespace ReportEngine.Web.Accounts;

/// <summary>The audit log's action names: one vocabulary for pages, API and CLI, so the log filters by action.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string LoginLockedOut = "login.locked-out";
    public const string Logout = "logout";
    public const string UserAdded = "user.added";
    public const string UserRoleChanged = "user.role-changed";
    public const string UserDisabled = "user.disabled";
    public const string UserUnlocked = "user.unlocked";
    public const string ApiKeyCreated = "apikey.created";
    public const string ApiKeyRevoked = "apikey.revoked";
    public const string RunQueued = "run.queued";
    public const string BurstQueued = "burst.queued";
    public const string RunAgain = "run.again";
    public const string RunDownloaded = "run.downloaded";
    public const string DeliveryRetried = "delivery.retried";
    public const string DeliveriesRetriedOfRun = "delivery.retried-failed-of-run";
    public const string DeliveriesRetriedAllFailed = "delivery.retried-all-failed";
    public const string CommitteeChanged = "committee.changed";
    public const string CommitteesImported = "committees.imported";
    public const string ScheduleRunNow = "schedule.run-now";
}
