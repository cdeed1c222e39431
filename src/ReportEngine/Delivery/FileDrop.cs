using System.Text.RegularExpressions;
using ReportEngine.Archive;

namespace ReportEngine.Delivery;

/// <summary>
/// Copies a PDF into a committee's drop folder: written under a hidden temporary name in that
/// folder, flushed, then renamed into place without replacing anything, so a reader of the share
/// sees the whole file or none. A file already there with the same bytes is our own earlier copy
/// (a crash before the delivery was marked sent); a different one is never overwritten. The folder
/// must hold the marker file an admin creates (<see cref="Marker"/>): a share that is not mounted
/// leaves its mount point an empty folder of the local disk, which must not receive the PDFs.
/// Temporary files a crash mid-copy left behind are deleted at the next copy into the folder.
/// </summary>
public static partial class FileDrop
{
    /// <summary>The file that says "this is the mounted share": created once by the admin, inside the share.</summary>
    public const string Marker = ".reportengine-drop";

    public static DeliveryOutcome Copy(string pdf, string folder, string fileName)
    {
        if (!Directory.Exists(folder))
        {
            return DeliveryOutcome.Transient($"The drop folder {folder} does not exist (is the share mounted?).");
        }

        if (fileName.IndexOfAny(['/', '\\', '\0']) >= 0 || fileName is "." or ".." or "")
        {
            return DeliveryOutcome.Refused($"The file name \"{fileName}\" is not a plain file name: it is not written under {folder}.");
        }

        if (!File.Exists(Path.Combine(folder, Marker)))
        {
            return DeliveryOutcome.Transient(
                $"The drop folder {folder} has no {Marker} file, so it may be the empty mount point of a share that is not mounted: nothing is written there. "
                + $"Once the share is mounted, create the file in it (touch {Path.Combine(folder, Marker)}); the delivery waits until then.");
        }

        RemoveLeftovers(folder);

        var target = Path.Combine(folder, fileName);
        if (File.Exists(target))
        {
            return Settled(pdf, target);
        }

        var temporary = Path.Combine(folder, $".{fileName}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var source = File.OpenRead(pdf))
            using (var copy = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                source.CopyTo(copy);
                copy.Flush(flushToDisk: true);
            }

            // overwrite: false renames without ever replacing: it fails when the name was taken meanwhile.
            File.Move(temporary, target, overwrite: false);
            return DeliveryOutcome.Sent;
        }
        catch (IOException) when (File.Exists(target))
        {
            return Settled(pdf, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DeliveryOutcome.Transient($"Could not write {target}: {e.Message}");
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Deletes the temporary files of copies that died midway (ours are named .NAME.32-hex-digits.partial).
    /// One still being written is held open with FileShare.None (an exclusive lock on Linux), so it is left alone.
    /// </summary>
    private static void RemoveLeftovers(string folder)
    {
        foreach (var leftover in Directory.EnumerateFiles(folder, ".*.partial").Where(f => PartialName().IsMatch(Path.GetFileName(f))))
        {
            try
            {
                using (new FileStream(leftover, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    // Opened exclusively: nobody is writing it.
                }

                File.Delete(leftover);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use by a copy in progress, or gone meanwhile: not ours to delete now.
            }
        }
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.partial$")]
    private static partial Regex PartialName();

    private static DeliveryOutcome Settled(string pdf, string target) =>
        ReportArchive.Sha256(pdf) == ReportArchive.Sha256(target)
            ? DeliveryOutcome.Sent
            : DeliveryOutcome.Refused($"{target} already exists with different content; it is not overwritten.");
}
