using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ReportEngine.Tests.Web;

/// <summary>axe (Deque.AxeCore.Playwright) on the page as it stands: no serious or critical violation.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolations(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html)))));
    }
}
