using System.Globalization;
using ReportEngine.Layout;
using ReportEngine.Layout.Fonts;
using ReportEngine.Layout.Text;
using SkiaSharp;

namespace ReportEngine.Benchmarks;

/// <summary>
/// The floor for W1's file size: the same content drawn directly on SkiaSharp (HarfBuzz-shaped glyphs, fonts
/// subset to the characters used, fixed row heights computed by hand), with no layout engine at all.
/// </summary>
internal static class HandDrawnW1
{
    private const float Margin = 50;
    private const float Width = 595.28f;
    private const float Height = 841.89f;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly float[] Columns = [34, 0, 0, 0, 0, 50];
    private static readonly float[] Weights = [0, 4, 1.1f, 1.8f, 2.2f, 0];

    public static int PageCount { get; private set; }

    public static byte[] Render()
    {
        var orgs = SampleData.Organizations;
        var regular = FontManager.Resolve(null, false, false);
        var bold = FontManager.Resolve(null, true, false);
        var rows = orgs.Select(o => new[]
        {
            o.Id.ToString(CultureInfo.InvariantCulture), o.Name, o.Scope, o.Kind, o.District, o.Members.ToString("N0", Vietnamese),
        }).ToList();
        string[] header = ["STT", "Tên tổ chức", "Cấp", "Loại", "Địa bàn", "Hội viên"];
        var widths = ColumnWidths();

        // Pagination first, so "Trang N / M" knows M.
        var rowHeights = rows.Select(r => RowHeight(r, widths, regular, 10)).ToList();
        var pages = new List<(int First, int Count)>();
        var available = Height - 2 * Margin - 60;
        for (var i = 0; i < rows.Count;)
        {
            var used = 0f;
            var start = i;
            while (i < rows.Count && used + rowHeights[i] <= available)
            {
                used += rowHeights[i++];
            }

            pages.Add((start, i - start));
        }

        var total = pages.Count + 2;
        var usage = new Dictionary<FontFace, HashSet<int>> { [regular] = [], [bold] = [] };
        void Use(FontFace face, string text)
        {
            foreach (var rune in text.EnumerateRunes())
            {
                usage[face].Add(rune.Value);
            }
        }

        rows.ForEach(r => Array.ForEach(r, c => Use(regular, c)));
        Array.ForEach(header, c => Use(bold, c));
        Use(regular, "Trang / 0123456789Sở Nội vụ tỉnh Bình Thuận" + string.Concat(Enumerable.Range(32, 95).Select(c => (char)c)));
        Use(bold, W1Report.Title + "Tỉnh Bình Thuận1. Số liệu chínhPhụ lục: danh sách tổ chức0123456789.");
        SampleData.Types.ToList().ForEach(t => { Use(regular, t); Use(bold, t); });
        var faces = usage.ToDictionary(p => p.Key, p =>
        {
            var lease = SubsetCache.Acquire(p.Key, p.Value);
            lease.Pin();
            return lease.Typeface;
        });

        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = W1Report.Title, Creation = SampleData.ReportDate.UtcDateTime, Modified = SampleData.ReportDate.UtcDateTime }))
        {
            var pageNumber = 0;
            SKCanvas Begin()
            {
                pageNumber++;
                var canvas = pdf.BeginPage(Width, Height);
                Draw(canvas, faces[regular], regular, "Sở Nội vụ tỉnh Bình Thuận", Margin, Margin, 8, SKColors.Gray);
                Draw(canvas, faces[regular], regular, $"Trang {pageNumber} / {total}", Width / 2 - 25, Height - Margin + 10, 10, SKColors.Black);
                return canvas;
            }

            var cover = Begin();
            Draw(cover, faces[bold], bold, W1Report.Title, Margin, 260, 18, new SKColor(0x1F, 0x4E, 0x79));
            Draw(cover, faces[regular], regular, "Tỉnh Bình Thuận", Margin + 150, 300, 16, SKColors.Black);
            pdf.EndPage();

            var figures = Begin();
            Draw(figures, faces[bold], bold, "1. Số liệu chính", Margin, Margin + 40, 16, SKColors.Black);
            Draw(figures, faces[bold], bold, orgs.Count.ToString("N0", Vietnamese), Margin + 10, Margin + 90, 18, SKColors.Black);
            {
                figures.Save();
                var rect = SKRect.Create(Margin, Margin + 300, Width - 2 * Margin, 250);
                figures.ClipRect(rect);
                var plot = new ScottPlot.Plot();
                plot.Font.Set(ReportEngine.Layout.Charts.ChartFonts.Register("baseline", faces[regular], faces[bold], faces[regular], faces[bold]));
                plot.Add.Bars(SampleData.Types.Select(t => (double)orgs.Where(o => o.Type == t).Sum(o => o.Members)).ToArray());
                plot.Render(figures, new ScottPlot.PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top));
                figures.Restore();
            }

            pdf.EndPage();

            foreach (var (first, count) in pages)
            {
                var canvas = Begin();
                var y = Margin + 30f;
                using var band = new SKPaint { Color = new SKColor(0xEE, 0xEE, 0xEE) };
                canvas.DrawRect(Margin, y, Width - 2 * Margin, 14, band);
                DrawRow(canvas, faces[bold], bold, header, widths, y);
                y += 16;
                for (var i = first; i < first + count; i++)
                {
                    if (i % 2 == 1)
                    {
                        canvas.DrawRect(Margin, y, Width - 2 * Margin, rowHeights[i], band);
                    }

                    DrawRow(canvas, faces[regular], regular, rows[i], widths, y);
                    y += rowHeights[i];
                }

                pdf.EndPage();
            }

            PageCount = pageNumber;
            pdf.Close();
        }

        return stream.ToArray();
    }

    private static float[] ColumnWidths()
    {
        var rest = Width - 2 * Margin - Columns.Sum();
        return Columns.Select((c, i) => c > 0 ? c : rest * Weights[i] / Weights.Sum()).ToArray();
    }

    private static List<string> Wrap(string text, float width, FontFace face, float size)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(candidate, face, size) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        lines.Add(line);
        return lines;
    }

    private static float Measure(string text, FontFace face, float size) => Shaper.Shape(face, text).TotalAdvance * size / face.UnitsPerEm;

    private static float RowHeight(string[] cells, float[] widths, FontFace face, float size) =>
        4 + 12 * cells.Select((c, i) => Wrap(c, widths[i] - 8, face, size).Count).Max();

    private static void DrawRow(SKCanvas canvas, SKTypeface typeface, FontFace face, string[] cells, float[] widths, float top)
    {
        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var y = top + 11;
            foreach (var line in Wrap(cells[i], widths[i] - 8, face, 10))
            {
                Draw(canvas, typeface, face, line, x + 4, y, 10, SKColors.Black);
                y += 12;
            }

            x += widths[i];
        }
    }

    private static void Draw(SKCanvas canvas, SKTypeface typeface, FontFace face, string text, float x, float y, float size, SKColor color)
    {
        var shaped = Shaper.Shape(face, text);
        using var font = new SKFont(typeface, size);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedRun(font, shaped.Glyphs.Length);
        var glyphs = run.Glyphs;
        var positions = run.Positions;
        var pen = 0f;
        for (var i = 0; i < shaped.Glyphs.Length; i++)
        {
            glyphs[i] = shaped.Glyphs[i];
            positions[i] = new SKPoint(pen + shaped.XOffsets[i] * size / face.UnitsPerEm, 0);
            pen += shaped.Advances[i] * size / face.UnitsPerEm;
        }

        using var blob = builder.Build();
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(blob, x, y, paint);
    }
}
