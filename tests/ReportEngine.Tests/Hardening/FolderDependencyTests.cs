using System.Text.RegularExpressions;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening;

/// <summary>
/// The product's folders depend on each other one way only (README, "How the code is laid out"): a
/// folder that uses another is never used by it, directly or round a longer loop. A cycle is how
/// "runs" and "archive", or "scheduling" and "delivery", stop being separable.
/// </summary>
public partial class FolderDependencyTests
{
    [Fact]
    public void No_folder_of_the_product_depends_on_itself_through_others()
    {
        var uses = Dependencies();
        Assert.True(uses.Count >= 8, $"only {uses.Count} folders found under src/ReportEngine");
        Assert.Contains("Delivery", uses["Scheduling"]); // the scan sees real dependencies

        var cycles = uses.Keys.Select(folder => Cycle(folder, uses)).OfType<string>().Distinct().ToList();
        Assert.True(cycles.Count == 0, "folder dependency cycles: " + string.Join("; ", cycles));
    }

    [Fact]
    public void Scheduled_bursts_live_with_scheduling_and_delivery_knows_nothing_of_schedules()
    {
        var uses = Dependencies();
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "src/ReportEngine/Scheduling/ScheduledBursts.cs")));
        Assert.DoesNotContain("Scheduling", uses["Delivery"]);
    }

    /// <summary>Folder → the folders its files name (a using directive or a qualified name).</summary>
    private static Dictionary<string, HashSet<string>> Dependencies()
    {
        var root = Path.Combine(RepositoryPaths.Root, "src", "ReportEngine");
        var folders = Directory.GetDirectories(root).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Select(f => f!).ToHashSet();
        var uses = folders.ToDictionary(f => f, _ => new HashSet<string>());
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match match in Named().Matches(File.ReadAllText(file)))
                {
                    var other = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
                    if (other != folder && folders.Contains(other))
                    {
                        uses[folder].Add(other);
                    }
                }
            }
        }

        return uses;
    }

    /// <summary>A path from the folder back to itself, "A → B → A", or null.</summary>
    private static string? Cycle(string start, Dictionary<string, HashSet<string>> uses)
    {
        var path = new List<string> { start };
        string? Walk(string at, HashSet<string> seen)
        {
            foreach (var next in uses[at].Order(StringComparer.Ordinal))
            {
                if (next == start)
                {
                    return string.Join(" → ", path.Append(start));
                }

                if (seen.Add(next))
                {
                    path.Add(next);
                    if (Walk(next, seen) is { } found)
                    {
                        return found;
                    }

                    path.RemoveAt(path.Count - 1);
                }
            }

            return null;
        }

        return Walk(start, [start]);
    }

    /// <summary>"ReportEngine.Runs", or "Runs.RunStore" written from inside another ReportEngine namespace.</summary>
    [GeneratedRegex(@"\bReportEngine\.([A-Z][A-Za-z]+)\b|(?<![\w.])([A-Z][A-Za-z]+)\.[A-Z]\w*")]
    private static partial Regex Named();
}
