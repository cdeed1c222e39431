namespace ReportEngine.Tests.Support;

/// <summary>Finds the repository's folders from the test binary's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReportEngine.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ReportEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
