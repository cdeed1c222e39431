using ReportEngine.Layout.Infrastructure;

namespace ReportEngine.Layout.Elements;

/// <summary>Makes the child's box a link to a web address.</summary>
internal sealed class HyperlinkElement : ContainerElement
{
    public required string Url { get; init; }

    public override void Draw(Size available)
    {
        var plan = Child.Measure(available);
        Child.Draw(available);
        if (!plan.IsEmpty && !plan.IsWrap)
        {
            Canvas.LinkToUrl(0, 0, Math.Min(plan.Width, available.Width), Math.Min(plan.Height, available.Height), Url);
        }
    }
}

/// <summary>Makes the child's box a link to a named location in the document.</summary>
internal sealed class LocationLinkElement : ContainerElement
{
    public required string Location { get; init; }

    public override void Draw(Size available)
    {
        var plan = Child.Measure(available);
        Child.Draw(available);
        if (!plan.IsEmpty && !plan.IsWrap)
        {
            Canvas.LinkToDestination(0, 0, Math.Min(plan.Width, available.Width), Math.Min(plan.Height, available.Height), DestinationName(Location));
        }
    }

    public static string DestinationName(string location) => "loc-" + location;
}

/// <summary>
/// A named location (section): records the pages its content spans, for page-number spans, links and the outline.
/// A heading is a location that also adds an outline (bookmark) entry.
/// </summary>
internal sealed class LocationElement : ContainerElement, IStateful
{
    private bool started;

    public required string Name { get; init; }

    /// <summary>For headings: outline level (1 = top) and title; null for plain sections.</summary>
    public int? OutlineLevel { get; init; }

    public string? OutlineTitle { get; init; }

    public override void Draw(Size available)
    {
        var (x, y) = Canvas.Origin;
        Context.MarkLocation(Name, x, y);
        if (!started)
        {
            started = true;
            Canvas.DefineDestination(0, 0, LocationLinkElement.DestinationName(Name));
            if (OutlineLevel is { } level)
            {
                Context.Outline.Add(new Rendering.OutlineEntry(level, OutlineTitle ?? Name, Context.PageNumber, x, y, LocationLinkElement.DestinationName(Name)));
            }
        }

        Child.Draw(available);
    }

    public void ResetState() => started = false;

    public override string Describe() => OutlineLevel is null ? $"Section \"{Name}\"" : $"Heading {OutlineLevel} \"{OutlineTitle}\"";
}

/// <summary>
/// A named rectangle other code can find in the finished PDF (e.g. where a visible signature goes): the box the
/// child is drawn in, written as two named destinations, <c>loc-NAME</c> at its top-left corner and
/// <c>loc-NAME.end</c> at its bottom-right corner (PDF /Dests, [page /XYZ x y 0], PDF user space). It is also a
/// named location, so page-number spans and links can refer to it. Drawn once, on the page its box starts on.
/// </summary>
internal sealed class NamedAreaElement : ContainerElement, IStateful
{
    private bool drawn;

    public required string Name { get; init; }

    public override void Draw(Size available)
    {
        var (x, y) = Canvas.Origin;
        Context.MarkLocation(Name, x, y);
        var plan = Child.Measure(available);
        if (!drawn && !plan.IsEmpty && !plan.IsWrap)
        {
            drawn = true;
            var name = LocationLinkElement.DestinationName(Name);
            Canvas.DefineDestination(0, 0, name);
            Canvas.DefineDestination(Math.Min(plan.Width, available.Width), Math.Min(plan.Height, available.Height), name + EndSuffix);
        }

        Child.Draw(available);
    }

    /// <summary>The suffix of the destination at the bottom-right corner.</summary>
    public const string EndSuffix = ".end";

    public void ResetState() => drawn = false;

    public override string Describe() => $"Area \"{Name}\"";
}

/// <summary>Sets the text style inherited by text inside (resolved once when the tree is prepared).</summary>
internal sealed class DefaultTextStyleElement : ContainerElement
{
    public required TextStyle Style { get; init; }
}
