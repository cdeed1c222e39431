using System.Diagnostics;
using System.Globalization;
using ReportEngine.Archive;

namespace ReportEngine.Runs;

/// <summary>One page's PNG image, and the file it is cached in.</summary>
public sealed record PreviewImage(int Page, string File);

/// <summary>
/// PNG images of the first pages of a run's archived PDF, for the run page. Asked for by run id only: the
/// PDF is found through the run record and the archive (whose FullPath refuses anything outside it), so
/// nothing a request says ever names a file. Rendered by poppler's pdftoppm (Debian: poppler-utils) and
/// cached under the archive's .previews folder by run and SHA-256, which `archive verify` does not read;
/// a missing pdftoppm is a clear error, not an empty page.
/// </summary>
public sealed class RunPreviews(RunStore runs, ReportArchive archive)
{
    public const int MaxPages = 3;

    /// <summary>Pixels per inch: an A4 page 496 pixels wide, enough to recognise the report.</summary>
    private const int Resolution = 60;

    /// <summary>The first pages (up to <paramref name="pages"/>, at most <see cref="MaxPages"/>) of run <paramref name="runId"/>'s PDF.</summary>
    public async Task<IReadOnlyList<PreviewImage>> FirstPagesAsync(long runId, int pages = MaxPages, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pages, 1);
        var run = runs.Find(runId) ?? throw new ReportEngineException($"There is no run {runId}.");
        if (run is not { Status: RunStatus.Succeeded, ArchivePath: { } relative, Sha256: { } sha256, Pages: { } total })
        {
            throw new ReportEngineException($"Run {runId} has no archived PDF to preview (it is {run.Status}).");
        }

        var pdf = archive.FullPath(relative);
        if (!File.Exists(pdf))
        {
            throw new ReportEngineException($"Run {runId}'s archived PDF is missing from the archive ({relative}); `archive verify` says more.");
        }

        var folder = Path.Combine(archive.Root, ReportArchive.PreviewsFolderName, runId.ToString(CultureInfo.InvariantCulture), sha256);
        var count = (int)Math.Min(Math.Min(pages, MaxPages), total);
        var images = new List<PreviewImage>();
        for (var page = 1; page <= count; page++)
        {
            var file = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"page-{page}.png"));
            if (!File.Exists(file))
            {
                await RenderAsync(pdf, page, file, cancellation);
            }

            images.Add(new PreviewImage(page, file));
        }

        return images;
    }

    /// <summary>Renders one page through a temporary name, so a killed pdftoppm never leaves a half PNG in the cache.</summary>
    private static async Task RenderAsync(string pdf, int page, string file, CancellationToken cancellation)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var stem = file[..^".png".Length] + "." + Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo(PdfToPpm.Path) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-png", "-r", Resolution.ToString(CultureInfo.InvariantCulture), "-f", Number(page), "-l", Number(page), "-singlefile", pdf, stem })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new ReportEngineException("pdftoppm did not start.");
        var error = await process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0 || !File.Exists(stem + ".png"))
        {
            throw new ReportEngineException(MessageText.OneLine($"pdftoppm could not render page {page} of {pdf} (exit code {process.ExitCode}): {error}"));
        }

        File.Move(stem + ".png", file, overwrite: true);
    }

    private static string Number(int page) => page.ToString(CultureInfo.InvariantCulture);
}
