namespace ReportEngine.Tests.SecondProvince.Export;

/// <summary>How one office writes its CSV files: all of these are allowed by the import format.</summary>
public sealed record CsvDialect(char Delimiter, string DateFormat, bool ByteOrderMark, bool ColumnsReversed)
{
    /// <summary>Excel as a Vietnamese office saves it: semicolons, dd/MM/yyyy, a BOM, columns in its own order.</summary>
    public static CsvDialect VietnameseExcel { get; } = new(';', "dd'/'MM'/'yyyy", ByteOrderMark: true, ColumnsReversed: true);

    /// <summary>A program's export: commas, ISO dates, no BOM.</summary>
    public static CsvDialect Plain { get; } = new(',', "yyyy'-'MM'-'dd", ByteOrderMark: false, ColumnsReversed: false);
}
