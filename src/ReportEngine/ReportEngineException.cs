namespace ReportEngine;

/// <summary>
/// An error a user can cause (a template, a parameter, a setting, a database they pointed us at).
/// The CLI edge turns it into one clear message and a non-zero exit code, without a stack trace,
/// so the message must say what is wrong and what to do.
/// </summary>
public class ReportEngineException : Exception
{
    public ReportEngineException()
    {
    }

    public ReportEngineException(string message)
        : base(message)
    {
    }

    public ReportEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
