namespace ReportEngine.Runs;

/// <summary>Finds poppler's pdftoppm on PATH, or says how to install it.</summary>
internal static class PdfToPpm
{
    public static string Path =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "pdftoppm"))
            .FirstOrDefault(File.Exists)
        ?? throw new ReportEngineException(
            "Page previews need poppler's pdftoppm, which is not on PATH: install it (Debian: apt-get install poppler-utils). The PDF itself can still be downloaded.");
}
