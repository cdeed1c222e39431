namespace ReportEngine.Layout;

/// <summary>
/// Raised when content can never be laid out, e.g. an element taller than a page that cannot split.
/// <see cref="ElementPath"/> names the element from the page down, so the template author can find it.
/// </summary>
public sealed class LayoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LayoutException() : this("Layout failed.", "")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LayoutException(string message) : this(message, "")
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public LayoutException(string message, Exception innerException) : base(message, innerException)
    {
        ElementPath = "";
    }

    /// <summary>Creates the exception for an element path.</summary>
    public LayoutException(string message, string elementPath) : base(elementPath.Length == 0 ? message : $"{message} Element: {elementPath}")
    {
        ElementPath = elementPath;
    }

    /// <summary>The path of the offending element in the layout tree, outermost first, separated by " > ".</summary>
    public string ElementPath { get; }
}
