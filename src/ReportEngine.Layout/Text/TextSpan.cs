using System.Text;
using ReportEngine.Layout.Rendering;

namespace ReportEngine.Layout.Text;

/// <summary>A run of text with one style; dynamic spans (page numbers) compute their text at layout time.</summary>
internal sealed class TextSpan
{
    public TextSpan(string text)
    {
        Text = Normalize(text);
    }

    public TextSpan(Func<RenderContext, string> dynamicText)
    {
        Text = "";
        DynamicText = dynamicText;
    }

    public string Text { get; }

    public Func<RenderContext, string>? DynamicText { get; }

    /// <summary>The span's own settings; unset ones inherit from the block.</summary>
    public TextStyle Style { get; set; } = TextStyle.Inherit;

    public string Resolve(RenderContext context) => DynamicText is null ? Text : Normalize(DynamicText(context));

    /// <summary>NFC: decomposed Vietnamese (base letter + combining marks) would draw with colliding accents.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }
}

/// <summary>Horizontal alignment of the lines of a text block.</summary>
internal enum TextAlignment
{
    Left,
    Center,
    Right,
    Justify,
}
