using ReportEngine.Archive;

namespace ReportEngine.Delivery;

/// <summary>
/// Copies a PDF into a committee's drop folder: written under a hidden temporary name in that
/// folder, flushed, then renamed into place without replacing anything, so a reader of the share
/// sees the whole file or none. A file already there with the same bytes is our own earlier copy
/// (a crash before the delivery was marked sent); a different one is never overwritten.
/// </summary>
public static class FileDrop
{
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

    private static DeliveryOutcome Settled(string pdf, string target) =>
        ReportArchive.Sha256(pdf) == ReportArchive.Sha256(target)
            ? DeliveryOutcome.Sent
            : DeliveryOutcome.Refused($"{target} already exists with different content; it is not overwritten.");
}
