using SkiaSharp;

namespace ReportEngine.Layout.Rendering;

/// <summary>
/// Collects a page's glyphs and draws them with few Skia calls: consecutive glyphs of the same font and colour
/// become one positioned run, consecutive runs of one colour one text blob. Drawing order (and so the reading
/// order of extracted text) is kept. One Skia call per cell was most of the PDF drawing time.
/// </summary>
internal sealed class TextBatch : IDisposable
{
    private readonly List<Run> runs = [];
    private ushort[] glyphs = new ushort[2048];
    private SKPoint[] points = new SKPoint[2048];
    private int count;

    public bool IsEmpty => runs.Count == 0;

    public void Add(SKFont font, uint argb, float left, float baseline, ReadOnlySpan<ushort> newGlyphs, ReadOnlySpan<float> xPositions, ReadOnlySpan<float> yOffsets)
    {
        if (count + newGlyphs.Length > glyphs.Length)
        {
            var size = Math.Max(glyphs.Length * 2, count + newGlyphs.Length);
            Array.Resize(ref glyphs, size);
            Array.Resize(ref points, size);
        }

        newGlyphs.CopyTo(glyphs.AsSpan(count));
        for (var i = 0; i < newGlyphs.Length; i++)
        {
            points[count + i] = new SKPoint(left + xPositions[i], baseline + yOffsets[i]);
        }

        if (runs.Count > 0 && runs[^1].Font == font && runs[^1].Argb == argb)
        {
            runs[^1] = runs[^1] with { Count = runs[^1].Count + newGlyphs.Length };
        }
        else
        {
            runs.Add(new Run(font, argb, count, newGlyphs.Length));
        }

        count += newGlyphs.Length;
    }

    public void Flush(SKCanvas canvas, SKPaint paint)
    {
        var i = 0;
        while (i < runs.Count)
        {
            var argb = runs[i].Argb;
            using var builder = new SKTextBlobBuilder();
            for (; i < runs.Count && runs[i].Argb == argb; i++)
            {
                var run = runs[i];
                var buffer = builder.AllocatePositionedRun(run.Font, run.Count);
                glyphs.AsSpan(run.Start, run.Count).CopyTo(buffer.Glyphs);
                points.AsSpan(run.Start, run.Count).CopyTo(buffer.Positions);
            }

            using var blob = builder.Build();
            if (blob is not null)
            {
                paint.Color = new SKColor(argb);
                canvas.DrawText(blob, 0, 0, paint);
            }
        }

        runs.Clear();
        count = 0;
    }

    public void Dispose() => runs.Clear();

    private readonly record struct Run(SKFont Font, uint Argb, int Start, int Count);
}
