namespace ReportEngine.Reports;

/// <summary>Writes a file through a temporary name in the same folder and renames it into place.</summary>
public static class AtomicFile
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
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
