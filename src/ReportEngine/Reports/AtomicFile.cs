using System.Runtime.InteropServices;

namespace ReportEngine.Reports;

/// <summary>
/// Writes a file through a temporary name in the same folder and renames it into place, then syncs
/// the folder: a rename is only durable once the folder's entry is on disk (without it a power cut
/// can undo a rename the run records already trust).
/// </summary>
public static partial class AtomicFile
{
    public static T Write<T>(string path, Func<Stream, T> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                result = write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>fsync on the folder itself, so the names created or renamed in it are on disk. A no-op off Unix.</summary>
    public static void SyncFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = open(folder, ReadOnlyDirectory);
        if (descriptor < 0)
        {
            throw new IOException($"Cannot open the folder {folder} to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (fsync(descriptor) != 0)
            {
                throw new IOException($"Cannot sync the folder {folder} to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = close(descriptor);
        }
    }

    // O_RDONLY: enough to open a folder for fsync (O_DIRECTORY's value differs between architectures).
    private const int ReadOnlyDirectory = 0;

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int descriptor);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int descriptor);
}
