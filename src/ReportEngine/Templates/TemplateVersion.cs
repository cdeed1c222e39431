using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReportEngine.Templates.Sql;

namespace ReportEngine.Templates;

/// <summary>
/// A template's version: SHA-256 over its files' relative paths and contents, in ordinal order,
/// and over the shared queries (templates/_shared) its .sql files use, so any edit to the
/// definition, a query, a string table or a shared rule it relies on gives a new version.
/// </summary>
public static class TemplateVersion
{
    public static string Of(string templateDirectory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var own = Directory.GetFiles(templateDirectory, "*", SearchOption.AllDirectories);
        var files = own
            .Select(f => (Relative: Path.GetRelativePath(templateDirectory, f).Replace(Path.DirectorySeparatorChar, '/'), Full: f))
            .Concat(SharedFiles(templateDirectory, own).Select(f => (Relative: "../" + SharedQueries.FolderName + "/" + Path.GetFileName(f), Full: f)))
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

    /// <summary>The shared files the template's .sql files use; all of them while the shared folder is broken, so its fix is seen.</summary>
    private static IEnumerable<string> SharedFiles(string templateDirectory, IEnumerable<string> own)
    {
        var folder = SharedQueries.FolderFor(templateDirectory);
        try
        {
            var shared = SharedQueries.Load(folder);
            return own.Where(f => f.EndsWith(".sql", StringComparison.Ordinal))
                .SelectMany(f => shared.UsedBy(File.ReadAllText(f)))
                .Distinct(StringComparer.Ordinal)
                .Select(shared.FileOf);
        }
        catch (TemplateException)
        {
            return Directory.GetFiles(folder, "*.sql");
        }
    }
}
