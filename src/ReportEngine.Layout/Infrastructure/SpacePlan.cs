namespace ReportEngine.Layout.Infrastructure;

internal enum SpacePlanKind
{
    /// <summary>Nothing left to draw (already drawn or empty content): takes no space.</summary>
    Empty,
    /// <summary>Cannot draw anything in the offered space; the parent must move it to the next page.</summary>
    Wrap,
    /// <summary>Draws part now and continues on the next page.</summary>
    Partial,
    /// <summary>Draws entirely in the offered space.</summary>
    Full,
}

/// <summary>The answer of a measure pass: how much of the offered space an element needs, and whether it finishes.</summary>
internal readonly struct SpacePlan
{
    private SpacePlan(SpacePlanKind kind, float width, float height, Element? culprit)
    {
        Kind = kind;
        Width = width;
        Height = height;
        Culprit = culprit;
    }

    public SpacePlanKind Kind { get; }
    public float Width { get; }
    public float Height { get; }

    /// <summary>For <see cref="SpacePlanKind.Wrap"/>: the innermost element that did not fit, so a layout error can name it.</summary>
    public Element? Culprit { get; }

    public Size Size => new(Width, Height);
    public bool IsWrap => Kind == SpacePlanKind.Wrap;
    public bool IsEmpty => Kind == SpacePlanKind.Empty;

    public static SpacePlan Empty() => new(SpacePlanKind.Empty, 0, 0, null);
    public static SpacePlan Wrap(Element culprit) => new(SpacePlanKind.Wrap, 0, 0, culprit);
    public static SpacePlan Partial(float width, float height) => new(SpacePlanKind.Partial, width, height, null);
    public static SpacePlan Full(float width, float height) => new(SpacePlanKind.Full, width, height, null);

    public SpacePlan WithSize(float width, float height) => new(Kind, width, height, Culprit);

    public override string ToString() => $"{Kind} {Width:0.##}x{Height:0.##}";
}
