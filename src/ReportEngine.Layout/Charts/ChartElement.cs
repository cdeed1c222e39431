using ReportEngine.Layout.Infrastructure;
using SkiaSharp;

namespace ReportEngine.Layout.Charts;

/// <summary>
/// A ScottPlot plot drawn as vectors on the page canvas (1 px = 1 pt). Fills the box it is given: constrain it
/// with Height(...) or AspectRatio(...). The plot is built afresh for each draw from the configure callback.
/// </summary>
internal sealed class ChartElement : Element
{
    public required Action<ScottPlot.Plot> Configure { get; init; }

    public override SpacePlan Measure(Size available) =>
        float.IsInfinity(available.Width) || float.IsInfinity(available.Height) || available.Width <= 0 || available.Height <= 0
            ? SpacePlan.Wrap(this)
            : SpacePlan.Full(available.Width, available.Height);

    public override void Draw(Size available)
    {
        if (Context.IsCountingPass)
        {
            // Nothing is drawn now, but the subset fonts must hold the chart's characters: render once without
            // drawing (tick labels exist only after a render), then read every label.
            using var plot = Build(ChartFonts.WholeDefaultFamily());
            using var canvas = new SKNoDrawCanvas((int)Math.Ceiling(available.Width), (int)Math.Ceiling(available.Height));
            plot.Render(canvas, new ScottPlot.PixelRect(0, available.Width, available.Height, 0));
            ChartText.Collect(plot, Context);
            Context.HasCharts = true;
            return;
        }

        Canvas.DrawWithSkia(0, 0, available.Width, available.Height, (canvas, rect) =>
        {
            using var plot = Build(Context.ChartFontName);
            plot.Render(canvas, new ScottPlot.PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top));
        });
    }

    /// <summary>
    /// Plottables keep their own label styles (bar value labels ignore <c>plot.Font.Set</c>), which would resolve
    /// to a system font embedded whole: point every label style of every plottable at the document's font.
    /// </summary>
    private static void UsePlotFont(ScottPlot.Plot plot, string fontName)
    {
        foreach (var plottable in plot.GetPlottables())
        {
            foreach (var property in plottable.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            {
                if (property.PropertyType == typeof(ScottPlot.LabelStyle) && property.GetIndexParameters().Length == 0
                    && property.GetValue(plottable) is ScottPlot.LabelStyle style)
                {
                    style.FontName = fontName;
                }
            }
        }
    }

    private ScottPlot.Plot Build(string fontName)
    {
        var plot = new ScottPlot.Plot();
        plot.Font.Set(fontName);
        Configure(plot);
        UsePlotFont(plot, fontName);
        return plot;
    }
}
