namespace ReportEngine;

/// <summary>
/// Values that become part of a file or folder name (template names, locality and organisation codes,
/// parameter values, languages) and paths built under a root (the archive, a drop folder, --out): a
/// value may be one name and nothing more, so no value from a template, the database or the command
/// line can lead a file out of the folder it belongs in.
/// </summary>
public static class PathSegment
{
    /// <summary>The value when it can be (part of) one file name; otherwise an error naming what it is.</summary>
    /// <param name="value">The value.</param>
    /// <param name="what">What the value is, for the message: "parameter \"locality\"", "template name".</param>
    public static string Check(string? value, string what)
    {
        var problem = value switch
        {
            null or "" => "it is empty",
            "." or ".." => "it names a folder",
            _ when value.Contains('\0', StringComparison.Ordinal) => "it contains a NUL character",
            _ when value.IndexOfAny(['/', '\\']) >= 0 => "it contains a path separator",
            _ when value.Any(char.IsControl) => "it contains a control character",
            _ => null,
        };
        return problem is null
            ? value!
            : throw new ReportEngineException($"{what} \"{Printable(value)}\" cannot be used in a file name: {problem}.");
    }

    /// <summary>The full path of relative under root, when it stays inside root; otherwise an error.</summary>
    public static string Inside(string root, string relative, string what)
    {
        var full = Path.GetFullPath(root);
        var path = Path.GetFullPath(Path.Combine(full, relative));
        var prefix = full.EndsWith(Path.DirectorySeparatorChar) ? full : full + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) && !relative.Contains('\0', StringComparison.Ordinal)
            ? path
            : throw new ReportEngineException($"{what} \"{Printable(relative)}\" leads outside {full}.");
    }

    private static string Printable(string? value) =>
        new((value ?? "").Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
