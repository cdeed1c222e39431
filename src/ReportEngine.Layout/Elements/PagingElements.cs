using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Elements;

/// <summary>Ends the page: takes no space, but reports "continues" once so the parent moves on to a new page.</summary>
internal sealed class PageBreakElement : Element, IStateful
{
    private bool done;

    public void ResetState() => done = false;

    public override SpacePlan Measure(Size available) => done ? SpacePlan.Empty() : SpacePlan.Partial(0, 0);

    public override void Draw(Size available) => done = true;
}

/// <summary>
/// Keep-together: if the child would split here but fits whole on an empty page, move it to the next page.
/// If it is taller than a page, it splits normally (instead of failing).
/// </summary>
internal sealed class KeepTogetherElement : ContainerElement, IStateful
{
    private WrapGuard guard;

    public void ResetState() => guard.Reset();

    public override SpacePlan Measure(Size available)
    {
        var plan = Child.Measure(available);
        if (plan.Kind != SpacePlanKind.Partial || Context.ContentAreaSize.Height <= available.Height + Size.Epsilon)
        {
            return plan;
        }

        var onEmptyPage = Child.Measure(new Size(available.Width, Context.ContentAreaSize.Height));
        return onEmptyPage.Kind == SpacePlanKind.Full && guard.MayWrap(Context) ? SpacePlan.Wrap(this) : plan;
    }
}

/// <summary>Ensure-space: if less than <see cref="MinHeight"/> is left and the child would split, start on the next page.</summary>
internal sealed class EnsureSpaceElement : ContainerElement, IStateful
{
    private WrapGuard guard;

    public float MinHeight { get; set; }

    public void ResetState() => guard.Reset();

    public override SpacePlan Measure(Size available)
    {
        var plan = Child.Measure(available);
        return plan.Kind == SpacePlanKind.Partial && available.Height < MinHeight && Context.ContentAreaSize.Height > available.Height + Size.Epsilon && guard.MayWrap(Context)
            ? SpacePlan.Wrap(this)
            : plan;
    }
}

/// <summary>Shows the child only on the first page it appears on (e.g. a header shown once).</summary>
internal sealed class ShowOnceElement : ContainerElement, IStateful
{
    private bool shown;

    public void ResetState() => shown = false;

    public override SpacePlan Measure(Size available)
    {
        if (shown)
        {
            return SpacePlan.Empty();
        }

        return Child.Measure(available);
    }

    public override void Draw(Size available)
    {
        Child.Draw(available);
        shown = true;
    }
}

/// <summary>Hides the child on the first page it appears on, shows it on later ones.</summary>
internal sealed class SkipOnceElement : ContainerElement, IStateful
{
    // Measured, not drawn, decides: a parent never draws an element that measured as empty.
    private int firstPage;

    public void ResetState() => firstPage = 0;

    public override SpacePlan Measure(Size available)
    {
        if (firstPage == 0)
        {
            firstPage = Context.PageNumber;
        }

        return Context.PageNumber == firstPage ? SpacePlan.Empty() : Child.Measure(available);
    }

    public override void Draw(Size available)
    {
        if (Context.PageNumber != firstPage)
        {
            Child.Draw(available);
        }
    }
}

/// <summary>
/// Draws its child afresh on every page (page headers, footers, repeated table headers): after each draw the
/// child's progress is reset, so it is measured whole again on the next page.
/// </summary>
internal sealed class RepeatElement : ContainerElement
{
    public override void Draw(Size available)
    {
        Child.Draw(available);
        TreeWalker.ResetState(Child, betweenPages: true);
    }
}
