using ReportEngine.Layout.Rendering;

namespace ReportEngine.Layout.Charts;

/// <summary>Gathers the characters a plot draws, so the document's subset fonts contain them.</summary>
internal static class ChartText
{
    public static void Collect(ScottPlot.Plot plot, RenderContext context)
    {
        var text = new System.Text.StringBuilder();

        // Digits, signs and Latin letters cover generated tick labels and number formats.
        for (var c = 0x20; c < 0x7F; c++)
        {
            text.Append((char)c);
        }

        text.Append(plot.Axes.Title.Label.Text);
        foreach (var axis in plot.Axes.GetAxes())
        {
            text.Append(axis.Label.Text);
            foreach (var tick in axis.TickGenerator.Ticks)
            {
                text.Append(tick.Label);
            }
        }

        foreach (var plottable in plot.GetPlottables())
        {
            foreach (var item in plottable.LegendItems)
            {
                text.Append(item.LabelText);
            }

            if (plottable is ScottPlot.Plottables.BarPlot bars)
            {
                foreach (var bar in bars.Bars)
                {
                    text.Append(bar.Label);
                }
            }
        }

        foreach (var item in plot.Legend.ManualItems)
        {
            text.Append(item.LabelText);
        }

        var all = text.ToString();
        context.FontUsage.AddRange(FontManager.Resolve(FontManager.DefaultFamily, false, false), all);
        context.FontUsage.AddRange(FontManager.Resolve(FontManager.DefaultFamily, true, false), all);
    }
}
