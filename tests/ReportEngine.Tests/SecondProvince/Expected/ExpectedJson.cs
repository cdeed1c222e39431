using System.Text.Json;

namespace ReportEngine.Tests.SecondProvince.Expected;

/// <summary>Expected figures as JSON, to compare two calculations field by field (records holding lists compare by reference).</summary>
public static class ExpectedJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Of(ExpectedReport report) => JsonSerializer.Serialize(report, Options);
}
