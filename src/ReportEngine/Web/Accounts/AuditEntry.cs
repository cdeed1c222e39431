namespace ReportEngine.Web.Accounts;

/// <summary>One line of the audit log: who did what to which thing, from which address.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string? Target, string? Detail, string? RemoteAddress);
