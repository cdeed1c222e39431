using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReportEngine.Templates;

/// <summary>
/// A template's version: SHA-256 over its files' relative paths and contents, in ordinal order,
/// so any edit to the definition, a query or a string table gives a new version.
/// </summary>
public static class TemplateVersion
{
    public static string Of(string templateDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.GetFiles(templateDirectory, "*", SearchOption.AllDirectories)
            .Select(f => (Relative: Path.GetRelativePath(templateDirectory, f).Replace(Path.DirectorySeparatorChar, '/'), Full: f))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (relative, full) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            var content = File.ReadAllBytes(full);
            hash.AppendData(Encoding.UTF8.GetBytes(content.Length.ToString(CultureInfo.InvariantCulture) + "\n"));
            hash.AppendData(content);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
