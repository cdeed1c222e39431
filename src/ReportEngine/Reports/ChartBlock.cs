using System.Globalization;
using ReportEngine.Layout;
using ReportEngine.Templates;
using ScottPlot;

namespace ReportEngine.Reports;

/// <summary>A chart of a query's rows (bar, stacked bar, line or pie), drawn as vectors by the layout engine.</summary>
internal static class ChartBlock
{
    private static readonly string[] Palette = ["#1F4E79", "#C55A11", "#548235", "#7F6000", "#7030A0", "#2E75B6"];

    public static void Compose(IContainer container, BlockDefinition block, DocumentComposer composer, string where)
    {
        var rows = composer.Rows(block, where);
        if (block.Category is null || block.Series.Count == 0)
        {
            throw composer.Problem(where, "a chart needs \"category\" and at least one entry in \"series\".");
        }

        var categories = rows
            .Select(r => Convert.ToString(r.GetValueOrDefault(block.Category), CultureInfo.InvariantCulture) ?? "")
            .Select(value => block.Labels is null ? value : composer.Label(block.Labels, value, $"{where}.labels"))
            .ToArray();
        var series = block.Series.Select((s, i) => (
            Label: composer.Text(s.Label, $"{where}.series[{i}].label"),
            Color: ScottPlot.Color.FromHex(s.Color ?? Palette[i % Palette.Length]),
            Values: rows.Select(r => Convert.ToDouble(r.GetValueOrDefault(s.Field) ?? 0d, CultureInfo.InvariantCulture)).ToArray())).ToList();
        var culture = composer.Liquid.Culture;

        container.Height(block.Height).Chart(plot =>
        {
            switch (block.Chart ?? "bar")
            {
                case "bar":
                    Bars(plot, series, stacked: false);
                    break;
                case "stacked-bar":
                    Bars(plot, series, stacked: true);
                    break;
                case "line":
                    foreach (var (label, color, values) in series)
                    {
                        var line = plot.Add.Scatter(Enumerable.Range(0, values.Length).Select(i => (double)i).ToArray(), values);
                        line.LegendText = label;
                        line.Color = color;
                    }

                    break;
                case "pie":
                    var pie = plot.Add.Pie(series[0].Values);
                    for (var i = 0; i < pie.Slices.Count; i++)
                    {
                        pie.Slices[i].Label = categories[i];
                        pie.Slices[i].LegendText = categories[i];
                        pie.Slices[i].FillColor = ScottPlot.Color.FromHex(Palette[i % Palette.Length]);
                    }

                    plot.Axes.Frameless();
                    plot.HideGrid();
                    break;
                default:
                    throw composer.Problem(where, $"unknown chart \"{block.Chart}\" (use bar, stacked-bar, line or pie).");
            }

            if (block.Chart != "pie")
            {
                var positions = Enumerable.Range(0, categories.Length).Select(i => (double)i).ToArray();
                plot.Axes.Bottom.SetTicks(positions, categories);
                plot.Axes.Bottom.TickLabelStyle.FontSize = 8;
                plot.Axes.Left.TickLabelStyle.FontSize = 8;
                plot.Axes.Bottom.MajorTickStyle.Length = 0;
                if (categories.Length > 6)
                {
                    // Long Vietnamese names do not fit side by side: slant them, anchored at their end.
                    plot.Axes.Bottom.TickLabelStyle.Rotation = -35;
                    plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperRight;
                    plot.Axes.Bottom.MinimumSize = 70;
                }

                plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
                {
                    LabelFormatter = value => value.ToString("N0", culture.Culture),
                };
                plot.Axes.Margins(bottom: 0);
            }

            if (series.Count > 1 || block.Chart == "pie")
            {
                plot.ShowLegend(Edge.Right);
                plot.Legend.FontSize = 8;
            }

            if (block.Title is not null)
            {
                plot.Title(composer.Text(block.Title, where + ".title"), size: 10);
            }
        });
    }

    private static void Bars(Plot plot, List<(string Label, ScottPlot.Color Color, double[] Values)> series, bool stacked)
    {
        var width = stacked ? 0.6 : 0.8 / series.Count;
        var bases = new double[series[0].Values.Length];
        for (var s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (var i = 0; i < series[s].Values.Length; i++)
            {
                var position = stacked ? i : i - 0.4 + width * (s + 0.5);
                bars.Add(new Bar
                {
                    Position = position,
                    ValueBase = stacked ? bases[i] : 0,
                    Value = (stacked ? bases[i] : 0) + series[s].Values[i],
                    FillColor = series[s].Color,
                    Size = width,
                });
                if (stacked)
                {
                    bases[i] += series[s].Values[i];
                }
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[s].Label;
        }
    }
}
