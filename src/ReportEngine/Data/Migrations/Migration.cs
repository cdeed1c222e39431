using System.Security.Cryptography;
using System.Text;

namespace ReportEngine.Data.Migrations;

/// <summary>One versioned schema script, e.g. version 1, name "initial_schema".</summary>
public sealed record Migration(int Version, string Name, string Script)
{
    /// <summary>
    /// SHA-256 of the script, hex. Line endings are normalised first so a checkout with CRLF
    /// (Windows, autocrlf) does not look like an edited migration.
    /// </summary>
    public string Checksum { get; } = ComputeChecksum(Script);

    /// <summary>The resource-style name, e.g. 0001_initial_schema.</summary>
    public string FullName => $"{Version:D4}_{Name}";

    private static string ComputeChecksum(string script)
    {
        var normalized = script.ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
