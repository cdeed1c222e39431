using ReportEngine.Templates;

namespace ReportEngine.Reports;

/// <summary>Formats one table cell by its column's format, in the report's language.</summary>
internal static class CellFormatter
{
    public static bool IsNumeric(ColumnDefinition column) => column.Format is "number" or "percent" or "vnd";

    public static string Format(object? value, ColumnDefinition column, DocumentComposer composer)
    {
        var culture = composer.Liquid.Culture;
        return column.Format switch
        {
            "number" => culture.Number(value, column.Decimals),
            "percent" => culture.Percent(value, column.Decimals),
            "vnd" => culture.Vnd(value),
            "date" => culture.Date(value),
            "label" => composer.Label(column.Labels, value, $"label {column.Labels}"),
            _ => Convert.ToString(value, culture.Culture) ?? "",
        };
    }
}
