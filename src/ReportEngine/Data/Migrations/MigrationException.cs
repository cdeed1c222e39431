namespace ReportEngine.Data.Migrations;

/// <summary>A migration could not be applied, or one already applied no longer matches its script.</summary>
public class MigrationException : ReportEngineException
{
    public MigrationException()
    {
    }

    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
