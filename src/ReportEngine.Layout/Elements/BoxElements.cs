using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Elements;

/// <summary>Space around the child.</summary>
internal sealed class PaddingElement : ContainerElement
{
    public float Left { get; set; }
    public float Top { get; set; }
    public float Right { get; set; }
    public float Bottom { get; set; }

    public override SpacePlan Measure(Size available)
    {
        var inner = new Size(available.Width - Left - Right, available.Height - Top - Bottom);
        if (inner.Width < -Size.Epsilon || inner.Height < -Size.Epsilon)
        {
            return SpacePlan.Wrap(this);
        }

        var plan = Child.Measure(new Size(Math.Max(0, inner.Width), Math.Max(0, inner.Height)));
        return plan.Kind is SpacePlanKind.Wrap or SpacePlanKind.Empty ? plan : plan.WithSize(plan.Width + Left + Right, plan.Height + Top + Bottom);
    }

    public override void Draw(Size available)
    {
        Canvas.Translate(Left, Top);
        Child.Draw(new Size(Math.Max(0, available.Width - Left - Right), Math.Max(0, available.Height - Top - Bottom)));
        Canvas.Translate(-Left, -Top);
    }
}

/// <summary>Lines along the edges of the box the child is drawn in (drawn over the child).</summary>
internal sealed class BorderElement : ContainerElement
{
    public float Left { get; set; }
    public float Top { get; set; }
    public float Right { get; set; }
    public float Bottom { get; set; }
    public Color Color { get; set; } = Colors.Black;

    public override SpacePlan Measure(Size available) => Child.Measure(available);

    public override void Draw(Size available)
    {
        Child.Draw(available);

        // Lines are centred on the edges, like QuestPDF and CSS outline: adjacent table cells share a line.
        var (w, h) = (available.Width, available.Height);
        if (Top > 0)
        {
            Canvas.FillRectangle(-Left / 2, -Top / 2, w + (Left + Right) / 2, Top, Color);
        }

        if (Bottom > 0)
        {
            Canvas.FillRectangle(-Left / 2, h - Bottom / 2, w + (Left + Right) / 2, Bottom, Color);
        }

        if (Left > 0)
        {
            Canvas.FillRectangle(-Left / 2, -Top / 2, Left, h + (Top + Bottom) / 2, Color);
        }

        if (Right > 0)
        {
            Canvas.FillRectangle(w - Right / 2, -Top / 2, Right, h + (Top + Bottom) / 2, Color);
        }
    }
}

/// <summary>Fills the box the child is drawn in.</summary>
internal sealed class BackgroundElement : ContainerElement
{
    public Color Color { get; set; }

    public override void Draw(Size available)
    {
        Canvas.FillRectangle(0, 0, available.Width, available.Height, Color);
        Child.Draw(available);
    }
}

/// <summary>Places the child (at its measured size) inside the available box.</summary>
internal sealed class AlignmentElement : ContainerElement
{
    /// <summary>0 = left, 0.5 = centre, 1 = right; null = stretch to the available width.</summary>
    public float? Horizontal { get; set; }

    /// <summary>0 = top, 0.5 = middle, 1 = bottom; null = top, child gets the available height.</summary>
    public float? Vertical { get; set; }

    public override void Draw(Size available)
    {
        var plan = Child.Measure(available);
        if (plan.Kind is SpacePlanKind.Wrap or SpacePlanKind.Empty)
        {
            return;
        }

        var width = Horizontal is null ? available.Width : Math.Min(plan.Width, available.Width);
        var height = Vertical is null ? available.Height : Math.Min(plan.Height, available.Height);
        var x = (available.Width - width) * (Horizontal ?? 0);
        var y = (available.Height - height) * (Vertical ?? 0);
        Canvas.Translate(x, y);
        Child.Draw(new Size(width, height));
        Canvas.Translate(-x, -y);
    }
}

/// <summary>Minimum and maximum width and height; an exact size sets both.</summary>
internal sealed class ConstrainedElement : ContainerElement
{
    public float? MinWidth { get; set; }
    public float? MaxWidth { get; set; }
    public float? MinHeight { get; set; }
    public float? MaxHeight { get; set; }

    public override SpacePlan Measure(Size available)
    {
        if (MinWidth > available.Width + Size.Epsilon || MinHeight > available.Height + Size.Epsilon)
        {
            return SpacePlan.Wrap(this);
        }

        var inner = new Size(Math.Min(available.Width, MaxWidth ?? float.PositiveInfinity), Math.Min(available.Height, MaxHeight ?? float.PositiveInfinity));
        var plan = Child.Measure(inner);
        if (plan.Kind is SpacePlanKind.Wrap or SpacePlanKind.Empty)
        {
            return plan;
        }

        var width = Math.Clamp(plan.Width, MinWidth ?? 0, inner.Width);
        var height = Math.Clamp(plan.Height, MinHeight ?? 0, inner.Height);
        return plan.WithSize(width, height);
    }

    public override void Draw(Size available) =>
        Child.Draw(new Size(Math.Min(available.Width, MaxWidth ?? float.PositiveInfinity), Math.Min(available.Height, MaxHeight ?? float.PositiveInfinity)));

    public override string Describe() =>
        MinHeight is { } h && MaxHeight == h ? $"Height({h})" : MinWidth is { } w && MaxWidth == w ? $"Width({w})" : "Constrained";
}

/// <summary>Width = height × ratio; the child gets exactly that box.</summary>
internal sealed class AspectRatioElement : ContainerElement
{
    public float Ratio { get; set; } = 1;

    public override SpacePlan Measure(Size available)
    {
        var height = available.Width / Ratio;
        if (height > available.Height + Size.Epsilon)
        {
            return SpacePlan.Wrap(this);
        }

        var plan = Child.Measure(new Size(available.Width, height));
        return plan.Kind is SpacePlanKind.Wrap or SpacePlanKind.Empty ? plan : plan.WithSize(available.Width, height);
    }

    public override void Draw(Size available) => Child.Draw(new Size(available.Width, available.Width / Ratio));
}
