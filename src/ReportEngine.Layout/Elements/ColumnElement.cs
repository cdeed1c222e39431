using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Elements;

/// <summary>Items stacked vertically with spacing; splits between items, or inside an item that can split.</summary>
internal sealed class ColumnElement : Element, IStateful
{
    private int current;
    private float lastWidth;

    public List<Element> Items { get; } = [];

    public float Spacing { get; set; }

    public override IEnumerable<Element> Children => Items;

    public void ResetState() => current = 0;

    public override SpacePlan Measure(Size available)
    {
        if (current >= Items.Count)
        {
            return SpacePlan.Empty();
        }

        return Plan(available, drawing: false);
    }

    public override void Draw(Size available) => Plan(available, drawing: true);

    /// <summary>Measures (and when <paramref name="drawing"/>, draws) the items that fit, in one walk so both agree.</summary>
    private SpacePlan Plan(Size available, bool drawing)
    {
        lastWidth = available.Width;
        var y = 0f;
        var width = 0f;
        var placedAny = false;
        for (var i = current; i < Items.Count; i++)
        {
            var gap = placedAny ? Spacing : 0;
            var room = new Size(available.Width, Math.Max(0, available.Height - y - gap));
            var plan = Items[i].Measure(room);
            switch (plan.Kind)
            {
                case SpacePlanKind.Empty:
                    if (drawing)
                    {
                        current = i + 1;
                    }

                    continue;
                case SpacePlanKind.Wrap:
                    return placedAny ? SpacePlan.Partial(width, y) : SpacePlan.Wrap(plan.Culprit ?? this);
            }

            if (placedAny && plan.Kind == SpacePlanKind.Full && IsHeading(Items[i]) && NextWraps(i, available.Height - y - gap - plan.Height))
            {
                // Keep a heading with what follows: never leave it alone at the bottom of a page.
                return SpacePlan.Partial(width, y);
            }

            y += gap;
            if (drawing)
            {
                Canvas.Translate(0, y);
                Items[i].Draw(new Size(available.Width, plan.Height));
                Canvas.Translate(0, -y);
            }

            y += plan.Height;
            width = Math.Max(width, plan.Width);
            placedAny = true;
            if (plan.Kind == SpacePlanKind.Partial)
            {
                return SpacePlan.Partial(width, y);
            }

            if (drawing)
            {
                current = i + 1;
            }
        }

        return placedAny ? SpacePlan.Full(width, y) : SpacePlan.Empty();
    }

    private bool NextWraps(int index, float roomLeft)
    {
        for (var next = index + 1; next < Items.Count; next++)
        {
            var plan = Items[next].Measure(new Size(lastWidth, Math.Max(0, roomLeft - Spacing)));
            if (!plan.IsEmpty)
            {
                return plan.IsWrap;
            }
        }

        return false;
    }

    private static bool IsHeading(Element element)
    {
        while (element is ContainerElement container and not LocationElement)
        {
            element = container.Child;
        }

        return element is LocationElement { OutlineLevel: not null };
    }

    public override string Describe() => $"Column ({Items.Count} items)";
}
