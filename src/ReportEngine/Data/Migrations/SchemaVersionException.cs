namespace ReportEngine.Data.Migrations;

/// <summary>
/// The database was migrated by a newer ReportEngine than this one: writing to it could corrupt
/// data the newer version relies on, so it is refused.
/// </summary>
public class SchemaVersionException : ReportEngineException
{
    public SchemaVersionException()
    {
    }

    public SchemaVersionException(string message)
        : base(message)
    {
    }

    public SchemaVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SchemaVersionException(string database, int databaseVersion, int knownVersion)
        : base($"The database at {database} has schema version {databaseVersion}, but this ReportEngine knows versions up to {knownVersion}. "
            + "Upgrade ReportEngine or use a matching database.")
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    public int DatabaseVersion { get; }

    public int KnownVersion { get; }
}
