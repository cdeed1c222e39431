namespace ReportEngine.Layout;

/// <summary>A small palette (Material-style shades) so documents need few hex literals.</summary>
public static class Colors
{
    /// <summary>Opaque black.</summary>
    public static readonly Color Black = new(0xFF000000);

    /// <summary>Opaque white.</summary>
    public static readonly Color White = new(0xFFFFFFFF);

    /// <summary>Fully transparent.</summary>
    public static readonly Color Transparent = new(0x00000000);

    /// <summary>Greys.</summary>
    public static readonly Shades Grey = new(0xFF9E9E9E, 0xFFBDBDBD, 0xFFE0E0E0, 0xFFEEEEEE, 0xFFF5F5F5, 0xFFFAFAFA, 0xFF757575, 0xFF616161, 0xFF424242, 0xFF212121);

    /// <summary>Blues.</summary>
    public static readonly Shades Blue = new(0xFF2196F3, 0xFF42A5F5, 0xFF64B5F6, 0xFF90CAF9, 0xFFBBDEFB, 0xFFE3F2FD, 0xFF1E88E5, 0xFF1976D2, 0xFF1565C0, 0xFF0D47A1);

    /// <summary>Reds.</summary>
    public static readonly Shades Red = new(0xFFF44336, 0xFFEF5350, 0xFFE57373, 0xFFEF9A9A, 0xFFFFCDD2, 0xFFFFEBEE, 0xFFE53935, 0xFFD32F2F, 0xFFC62828, 0xFFB71C1C);

    /// <summary>Greens.</summary>
    public static readonly Shades Green = new(0xFF4CAF50, 0xFF66BB6A, 0xFF81C784, 0xFFA5D6A7, 0xFFC8E6C9, 0xFFE8F5E9, 0xFF43A047, 0xFF388E3C, 0xFF2E7D32, 0xFF1B5E20);

    /// <summary>Oranges.</summary>
    public static readonly Shades Orange = new(0xFFFF9800, 0xFFFFA726, 0xFFFFB74D, 0xFFFFCC80, 0xFFFFE0B2, 0xFFFFF3E0, 0xFFFB8C00, 0xFFF57C00, 0xFFEF6C00, 0xFFE65100);

    /// <summary>One hue in ten shades, from lightest (Lighten5) to darkest (Darken4).</summary>
    public sealed class Shades
    {
        internal Shades(uint medium, uint l1, uint l2, uint l3, uint l4, uint l5, uint d1, uint d2, uint d3, uint d4)
        {
            Medium = new Color(medium);
            Lighten1 = new Color(l1);
            Lighten2 = new Color(l2);
            Lighten3 = new Color(l3);
            Lighten4 = new Color(l4);
            Lighten5 = new Color(l5);
            Darken1 = new Color(d1);
            Darken2 = new Color(d2);
            Darken3 = new Color(d3);
            Darken4 = new Color(d4);
        }

        /// <summary>The base shade.</summary>
        public Color Medium { get; }

        /// <summary>Slightly lighter than <see cref="Medium"/>.</summary>
        public Color Lighten1 { get; }

        /// <summary>Lighter.</summary>
        public Color Lighten2 { get; }

        /// <summary>Lighter still.</summary>
        public Color Lighten3 { get; }

        /// <summary>Very light.</summary>
        public Color Lighten4 { get; }

        /// <summary>The lightest shade.</summary>
        public Color Lighten5 { get; }

        /// <summary>Slightly darker than <see cref="Medium"/>.</summary>
        public Color Darken1 { get; }

        /// <summary>Darker.</summary>
        public Color Darken2 { get; }

        /// <summary>Darker still.</summary>
        public Color Darken3 { get; }

        /// <summary>The darkest shade.</summary>
        public Color Darken4 { get; }
    }
}
