using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using ReportEngine.Data;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Import;

/// <summary>
/// An empty organisations database made by `db init` in a temp folder, CSV files written by the
/// test, the command line run against them, and a checksum of every table to prove nothing moved.
/// The data are a small made-up province (Sông Lam), not the demo's.
/// </summary>
public sealed class ImportWorld : IDisposable
{
    public const string Localities = """
        code,name,level,unit_type,parent,valid_from,valid_to,merged_into
        song-lam,Sông Lam,province,province,,2000-01-01,,
        song-lam/ha-vinh,Hà Vinh,district,district,song-lam,2000-01-01,,
        song-lam/ha-vinh/an-phu,An Phú,commune,commune,song-lam/ha-vinh,2000-01-01,2024-01-01,song-lam/ha-vinh/an-lac
        song-lam/ha-vinh/an-lac,An Lạc,commune,commune,song-lam/ha-vinh,2024-01-01,,
        """;

    public const string Organizations = """
        code,name,name_en,scope,kind,field,locality,founded_on,dissolved_on
        hoi-nong-dan-an-lac,Hội Nông dân xã An Lạc,Farmers' Association of An Lac,commune,assigned,economic,song-lam/ha-vinh/an-lac,2010-05-01,
        hoi-chu-thap-do,Hội Chữ thập đỏ tỉnh,Red Cross,province,assigned,charity,song-lam,1995-03-01,
        clb-huu-tri,Câu lạc bộ Hưu trí An Phú,,commune,voluntary,social,song-lam/ha-vinh/an-phu,2001-01-01,2024-01-01
        """;

    public const string Members = """
        code,organization,gender,birth_year,joined_on,left_on
        m-1,hoi-nong-dan-an-lac,female,1970,2015-01-01,
        m-2,hoi-nong-dan-an-lac,male,1980,2016-01-01,2024-08-31
        m-3,hoi-chu-thap-do,female,1990,2020-02-29,
        """;

    private readonly TempFolder folder = new();

    public ImportWorld()
    {
        Database = folder.File("reports.db");
        DatabaseInit.Create(Database, TimeProvider.System);
    }

    public string Database { get; }

    public string Folder => folder.Path;

    /// <summary>A folder of CSV files, each given as (table, content); content lines are joined with "\n" unless they hold their own line ends.</summary>
    public string Csv(string name, params (string Table, string Content)[] files) => CsvBytes(name, [.. files.Select(f => (f.Table, Encoding.UTF8.GetBytes(f.Content)))]);

    public string CsvBytes(string name, params (string Table, byte[] Content)[] files)
    {
        var path = folder.File(name);
        Directory.CreateDirectory(path);
        foreach (var (table, content) in files)
        {
            File.WriteAllBytes(Path.Combine(path, table + ".csv"), content);
        }

        return path;
    }

    public Task<CliRun> Import(string path, params string[] options) => CliRun.Invoke(["import", path, "--db", Database, .. options]);

    public static string[] ErrorLines(CliRun run) => run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A hash of every row of every table, in rowid order: equal before and after means nothing changed.</summary>
    public string Checksum()
    {
        using var connection = SqliteDatabase.Open(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString(), readOnly: true);
        var builder = new StringBuilder();
        foreach (var table in connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        {
            builder.Append("# ").Append(table).Append('\n');
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    builder.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                builder.Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = SqliteDatabase.Open(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString(), readOnly: true);
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public void Dispose() => folder.Dispose();
}
