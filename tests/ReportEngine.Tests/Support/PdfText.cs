using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;

namespace ReportEngine.Tests.Support;

/// <summary>Reads a PDF back the two ways a reader would: PdfPig per page, and poppler's pdftotext.</summary>
public static class PdfText
{
    /// <summary>Words of each page joined by spaces (Polish groups thousands with a no-break space, read as a space).</summary>
    public static IReadOnlyList<string> Pages(string path)
    {
        using var document = PdfDocument.Open(path);
        return document.GetPages()
            .Select(page => string.Join(" ", page.GetWords().Select(w => w.Text)).Normalize(NormalizationForm.FormC))
            .ToList();
    }

    /// <summary>poppler's pdftotext: reading order, or with <paramref name="layout"/> the page's columns kept as spaces.</summary>
    public static string Poppler(string path, bool layout = false)
    {
        var start = new ProcessStartInfo("pdftotext", layout ? ["-layout", "-enc", "UTF-8", path, "-"] : ["-enc", "UTF-8", path, "-"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext did not start");
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pdftotext {(layout ? "-layout " : "")}{path} failed ({process.ExitCode}): {process.StandardError.ReadToEnd()}");
        }

        return text.Normalize(NormalizationForm.FormC);
    }
}
