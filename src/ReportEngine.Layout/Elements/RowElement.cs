using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Elements;

internal enum RowItemKind
{
    Constant,
    Relative,
    Auto,
}

/// <summary>One cell of a row: a container with a width rule.</summary>
internal sealed class RowItem : ContainerElement
{
    public RowItemKind Kind { get; init; }

    /// <summary>Points for constant items, weight for relative ones.</summary>
    public float Value { get; init; }

    /// <summary>Finished on an earlier page: drawn no more while siblings continue.</summary>
    public bool IsDone { get; set; }

    public override string Describe() => $"{Kind}Item";
}

/// <summary>
/// Items side by side: constant widths, auto widths (their content's natural width) and relative shares of
/// the rest. Continues on the next page while any item continues; every item gets the row's full height.
/// </summary>
internal sealed class RowElement : Element, IStateful
{
    public List<RowItem> Items { get; } = [];

    public float Spacing { get; set; }

    public override IEnumerable<Element> Children => Items;

    public void ResetState()
    {
        foreach (var item in Items)
        {
            item.IsDone = false;
        }
    }

    public override SpacePlan Measure(Size available)
    {
        if (Items.Count == 0 || Items.TrueForAll(i => i.IsDone))
        {
            return SpacePlan.Empty();
        }

        var widths = Widths(available);
        if (widths.Sum() + Spacing * (Items.Count - 1) > available.Width + Size.Epsilon)
        {
            // Fixed widths wider than the room: nothing would make them fit, and drawing would overflow.
            return SpacePlan.Wrap(this);
        }

        var height = 0f;
        var partial = false;
        var anyContent = false;
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].IsDone)
            {
                continue;
            }

            var plan = Items[i].Measure(new Size(widths[i], available.Height));
            if (plan.IsWrap)
            {
                return SpacePlan.Wrap(plan.Culprit ?? Items[i]);
            }

            anyContent |= !plan.IsEmpty;
            partial |= plan.Kind == SpacePlanKind.Partial;
            height = Math.Max(height, plan.Height);
        }

        var width = widths.Sum() + Spacing * (Items.Count - 1);
        return !anyContent ? SpacePlan.Empty() : partial ? SpacePlan.Partial(width, height) : SpacePlan.Full(width, height);
    }

    public override void Draw(Size available)
    {
        var widths = Widths(available);
        var x = 0f;
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            if (!item.IsDone)
            {
                var plan = item.Measure(new Size(widths[i], available.Height));
                Canvas.Translate(x, 0);
                item.Draw(new Size(widths[i], available.Height));
                Canvas.Translate(-x, 0);
                item.IsDone = plan.Kind is SpacePlanKind.Full or SpacePlanKind.Empty;
            }

            x += widths[i] + Spacing;
        }
    }

    private float[] Widths(Size available)
    {
        var widths = new float[Items.Count];
        var fixedTotal = Spacing * (Items.Count - 1);
        var weights = 0f;
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            switch (item.Kind)
            {
                case RowItemKind.Constant:
                    widths[i] = item.Value;
                    fixedTotal += item.Value;
                    break;
                case RowItemKind.Auto:
                    // Natural width: the content measured with unlimited width.
                    var natural = item.Measure(new Size(float.PositiveInfinity, available.Height));
                    widths[i] = natural.IsWrap ? 0 : natural.Width;
                    fixedTotal += widths[i];
                    break;
                default:
                    weights += item.Value;
                    break;
            }
        }

        var rest = Math.Max(0, available.Width - fixedTotal);
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Kind == RowItemKind.Relative)
            {
                widths[i] = weights > 0 ? rest * Items[i].Value / weights : 0;
            }
        }

        return widths;
    }
}
