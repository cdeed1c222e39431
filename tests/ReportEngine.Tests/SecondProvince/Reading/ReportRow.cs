namespace ReportEngine.Tests.SecondProvince.Reading;

/// <summary>A table row found by its label: the numbers after the label, in order, and the words after them.</summary>
public sealed record ReportRow(string Line, IReadOnlyList<decimal> Numbers, string Rest);
