namespace ReportEngine.Web.Text;

/// <summary>The console's languages: Vietnamese first (the people who use it), English second.</summary>
public static class ConsoleLanguages
{
    public const string Vietnamese = "vi";
    public const string English = "en";
    public const string Default = Vietnamese;

    /// <summary>The cookie that remembers the choice, for anonymous pages (login) and after logout.</summary>
    public const string CookieName = "ReportEngine.Language";

    public static IReadOnlyList<string> All { get; } = [Vietnamese, English];

    public static bool IsKnown(string? language) => language is Vietnamese or English;
}
