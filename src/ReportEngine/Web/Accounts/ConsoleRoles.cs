namespace ReportEngine.Web.Accounts;

/// <summary>
/// The console's three roles, each including the one before: a viewer sees and downloads, an operator
/// also runs and retries, an admin also manages users and API keys.
/// </summary>
public static class ConsoleRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    /// <summary>Lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>Whether a holder of <paramref name="held"/> may do what <paramref name="required"/> allows.</summary>
    public static bool Includes(string held, string required) =>
        IsKnown(held) && IsKnown(required) && Rank(held) >= Rank(required);

    /// <summary>The roles that include <paramref name="required"/>: what a policy accepts.</summary>
    public static string[] AtLeast(string required) => All.Where(role => Includes(role, required)).ToArray();

    public static string Require(string? role) => IsKnown(role)
        ? role!
        : throw new ReportEngineException($"Unknown role \"{role}\": use {string.Join(", ", All)}.");

    private static int Rank(string role) => All.ToList().IndexOf(role);
}
