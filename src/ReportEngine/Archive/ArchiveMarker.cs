using ReportEngine.Reports;

namespace ReportEngine.Archive;

/// <summary>
/// The file &lt;archive&gt;/.reportengine-archive naming the one database whose runs are filed in the
/// folder. The first worker to start writes it; every later start reads it, so a worker pointed at the
/// wrong folder (a shared mount that is not mounted, another database's archive) is caught before it
/// files anything. Not a PDF, so the archive's listings and checks never see it.
/// </summary>
public sealed class ArchiveMarker(string root)
{
    public const string FileName = ".reportengine-archive";

    private const string DatabaseKey = "database=";

    public string Root { get; } = System.IO.Path.GetFullPath(root);

    public string Path => System.IO.Path.Combine(Root, FileName);

    /// <summary>The database the marker names; null when there is no marker, "" when it names none.</summary>
    public string? Database() =>
        File.Exists(Path)
            ? File.ReadLines(Path).FirstOrDefault(l => l.StartsWith(DatabaseKey, StringComparison.Ordinal))?[DatabaseKey.Length..] ?? ""
            : null;

    /// <summary>
    /// Writes the marker unless one is there, and returns the database the marker then names: ours, or
    /// that of a worker that wrote it first. The file is written under a name of its own and linked into
    /// place without replacing, so of two workers starting at once exactly one writes it and both read one content.
    /// </summary>
    public string Claim(string database)
    {
        Directory.CreateDirectory(Root);
        var temporary = System.IO.Path.Combine(Root, $"{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
            {
                writer.WriteLine("# ReportEngine: the database whose runs are filed in this folder. Every worker checks it at start.");
                writer.WriteLine(DatabaseKey + database);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: false);
            AtomicFile.SyncFolder(Root);
        }
        catch (IOException) when (File.Exists(Path))
        {
            // Another worker wrote it between our look and our move: its content is what counts.
        }
        finally
        {
            File.Delete(temporary);
        }

        return Database() ?? "";
    }

    /// <summary>Creates and removes a file of this process's own, so a read-only mount or folder fails at start, not at the first run.</summary>
    public void CheckWritable()
    {
        var probe = System.IO.Path.Combine(Root, $".write-check.{Environment.ProcessId}.{Guid.NewGuid():N}");
        using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.WriteByte(0);
            stream.Flush(flushToDisk: true);
        }

        File.Delete(probe);
    }
}
