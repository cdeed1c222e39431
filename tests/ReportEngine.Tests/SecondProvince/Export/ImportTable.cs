namespace ReportEngine.Tests.SecondProvince.Export;

/// <summary>
/// One table of the import format: its name (the CSV file or the sheet), its header and its rows.
/// Cells are string, long, decimal, DateOnly or null (empty); each writer spells them its own way.
/// </summary>
public sealed record ImportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
