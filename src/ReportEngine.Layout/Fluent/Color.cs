using System.Globalization;

namespace ReportEngine.Layout;

/// <summary>An sRGB colour with alpha, stored as 0xAARRGGBB.</summary>
/// <param name="Argb">The colour as 0xAARRGGBB.</param>
public readonly record struct Color(uint Argb)
{
    /// <summary>Alpha, 0 (transparent) to 255 (opaque).</summary>
    public byte Alpha => (byte)(Argb >> 24);

    /// <summary>Red channel.</summary>
    public byte Red => (byte)(Argb >> 16);

    /// <summary>Green channel.</summary>
    public byte Green => (byte)(Argb >> 8);

    /// <summary>Blue channel.</summary>
    public byte Blue => (byte)Argb;

    /// <summary>Builds a colour from channels.</summary>
    public static Color FromRgb(byte red, byte green, byte blue, byte alpha = 255) =>
        new(((uint)alpha << 24) | ((uint)red << 16) | ((uint)green << 8) | blue);

    /// <summary>Parses "#RGB", "#RRGGBB" or "#AARRGGBB" (the leading '#' is optional).</summary>
    /// <exception cref="FormatException">The text is not a hex colour.</exception>
    public static Color FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.StartsWith('#') ? hex[1..] : hex;
        if (s.Length == 3)
        {
            s = string.Concat(s[0], s[0], s[1], s[1], s[2], s[2]);
        }

        if (s.Length == 6)
        {
            s = "FF" + s;
        }

        if (s.Length != 8 || !uint.TryParse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var argb))
        {
            throw new FormatException($"'{hex}' is not a colour in #RRGGBB or #AARRGGBB form.");
        }

        return new Color(argb);
    }

    /// <summary>The colour as "#AARRGGBB".</summary>
    public override string ToString() => "#" + Argb.ToString("X8", CultureInfo.InvariantCulture);
}
