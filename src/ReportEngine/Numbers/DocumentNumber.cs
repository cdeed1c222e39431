using System.Globalization;

namespace ReportEngine.Numbers;

/// <summary>One line of the register: a number an issuing body gave in a year, to which run, and whether it stands.</summary>
public sealed record DocumentNumber
{
    public required string Body { get; init; }

    public long Year { get; init; }

    public long Number { get; init; }

    public required string Symbol { get; init; }

    public required string Type { get; init; }

    /// <summary>As printed: "123-BC/TU".</summary>
    public required string Text { get; init; }

    public long RunId { get; init; }

    public required string Status { get; init; }

    /// <summary>UTC, yyyy-MM-ddTHH:mm:ss.fffZ.</summary>
    public required string IssuedAt { get; init; }

    /// <summary>The date printed with the number: yyyy-MM-dd in Vietnam time.</summary>
    public required string IssuedOn { get; init; }

    public string? VoidedAt { get; init; }

    public string? VoidedReason { get; init; }

    /// <summary>"{n}-{type}/{symbol}", the form of 36-HD/VPTW: 123-BC/TU.</summary>
    public static string Format(long number, string type, string symbol) =>
        string.Create(CultureInfo.InvariantCulture, $"{number}-{type}/{symbol}");
}

/// <summary>A number stands (issued) or was taken by a run that ended without its document (void); it is never given again either way.</summary>
public static class DocumentNumberStatus
{
    public const string Issued = "issued";
    public const string Void = "void";
}

/// <summary>What a run asks the register for: the next number of this body in the year of <paramref name="IssuedAt"/> (Vietnam time).</summary>
public sealed record NumberRequest(IssuingBody Body, string Type, long RunId, DateTimeOffset IssuedAt)
{
    public static TimeZoneInfo Vietnam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>The day in Vietnam: a number taken at 23:30 UTC on 31 December belongs to the next year's register.</summary>
    public DateOnly IssuedOn => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(IssuedAt, Vietnam).DateTime);
}
