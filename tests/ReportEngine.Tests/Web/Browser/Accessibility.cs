using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ReportEngine.Tests.Web.Browser;

/// <summary>axe-core on the page as it is now: no violation of serious or critical impact (WCAG 2.1 AA rules and best practices).</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolations(IPage page)
    {
        var result = await page.RunAxe();
        // axe ran for real: it checked rules and found some satisfied.
        Assert.NotEmpty(result.Passes);
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious));
    }
}
