using Microsoft.Data.Sqlite;

namespace ReportEngine.Data.Demo;

/// <summary>
/// Marks a SQLite file as a demo database (its header's application_id), so the demo verb may
/// replace its own earlier output but never a real organisations database given by mistake.
/// </summary>
public static class DemoMarker
{
    /// <summary>"RE-D" in ASCII.</summary>
    private const int ApplicationId = 0x52452D44;

    public static void Mark(string path)
    {
        using var connection = SqliteDatabase.Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA application_id = {ApplicationId}";
        command.ExecuteNonQuery();
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>True when the file is absent, or is a demo database this verb made earlier.</summary>
    public static bool MayReplace(string path)
    {
        if (!File.Exists(path))
        {
            return true;
        }

        try
        {
            using var connection = SqliteDatabase.Open(path, readOnly: true);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA application_id";
            var marked = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == ApplicationId;
            SqliteConnection.ClearPool(connection);
            return marked;
        }
        catch (SqliteException)
        {
            return false; // not a SQLite file at all: certainly not ours to delete
        }
    }
}
