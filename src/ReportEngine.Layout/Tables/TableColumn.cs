namespace ReportEngine.Layout.Tables;

/// <summary>A column width rule: constant points, or a relative share of what constant columns leave.</summary>
internal readonly record struct TableColumn(bool IsRelative, float Value);

/// <summary>Table-wide drawing options set through the fluent API.</summary>
internal sealed class TableOptions
{
    public float PaddingHorizontal { get; set; } = 4;
    public float PaddingVertical { get; set; } = 2;
    public float BorderWidth { get; set; }
    public Color BorderColor { get; set; } = Colors.Grey.Medium;
    public Color? ZebraColor { get; set; }
    public Color? HeaderBackground { get; set; }
    public Color? FooterBackground { get; set; }
}
