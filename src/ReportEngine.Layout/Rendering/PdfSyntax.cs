using System.Text.RegularExpressions;

namespace ReportEngine.Layout.Rendering;

/// <summary>
/// The few pieces of PDF syntax read back from a finished file: trailer entries, object references and
/// the page tree. Shared by the layout engine's incremental update and the signer's, which read the same file.
/// </summary>
internal static partial class PdfSyntax
{
    [GeneratedRegex(@"/Size (\d+)")]
    internal static partial Regex SizePattern();

    [GeneratedRegex(@"/Root (\d+) 0 R")]
    internal static partial Regex RootPattern();

    [GeneratedRegex(@"/Info \d+ 0 R")]
    internal static partial Regex InfoPattern();

    [GeneratedRegex(@"/ID \[[^\]]*\]")]
    internal static partial Regex IdPattern();

    [GeneratedRegex(@"/Pages (\d+) 0 R")]
    internal static partial Regex PagesPattern();

    [GeneratedRegex(@"/Kids \[([^\]]*)\]")]
    internal static partial Regex KidsPattern();

    [GeneratedRegex(@"(\d+) 0 R")]
    internal static partial Regex ReferencePattern();

    [GeneratedRegex(@"\d+")]
    internal static partial Regex NumberPattern();
}
