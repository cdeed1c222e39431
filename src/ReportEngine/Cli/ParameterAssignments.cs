namespace ReportEngine.Cli;

/// <summary>Reads repeated --set name=value options.</summary>
public static class ParameterAssignments
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string>? assignments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments ?? [])
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ReportEngineException($"--set expects name=value, got \"{assignment}\".");
            }

            var name = assignment[..equals].Trim();
            if (!values.TryAdd(name, assignment[(equals + 1)..]))
            {
                throw new ReportEngineException($"--set gives the parameter \"{name}\" twice.");
            }
        }

        return values;
    }
}
