namespace ReportEngine.Templates;

/// <summary>
/// Assessment year N covers (31 August N−1, 31 August N]: the published reports take their figures
/// on 31 August. Year N has closed once 31 August N has passed, i.e. from 1 September N on; on
/// 31 August N itself the year is still running.
/// </summary>
public static class AssessmentYear
{
    public const int ClosingMonth = 8;
    public const int ClosingDay = 31;

    /// <summary>The latest year whose 31 August is before the given (local) day.</summary>
    public static int LastClosed(DateOnly today) =>
        today > new DateOnly(today.Year, ClosingMonth, ClosingDay) ? today.Year : today.Year - 1;
}
