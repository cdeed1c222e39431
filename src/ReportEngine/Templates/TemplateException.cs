namespace ReportEngine.Templates;

/// <summary>A mistake in a template's files, located by file, line and column (1-based; 0 when unknown).</summary>
public sealed class TemplateException : ReportEngineException
{
    public TemplateException(string file, int line, int column, string problem)
        : base(Describe(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public TemplateException(string file, string problem) : this(file, 0, 0, problem)
    {
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Problem { get; }

    private static string Describe(string file, int line, int column, string problem) =>
        // One line, however the problem was phrased (a database's error may quote a whole query).
        line > 0 ? $"{file}({line},{column}): {MessageText.OneLine(problem)}" : $"{file}: {MessageText.OneLine(problem)}";
}
