using System.CommandLine;
using ReportEngine.Data;

namespace ReportEngine.Cli;

/// <summary>
/// db init: creates an empty organisations database. db copy --to CONNECTION: copies the organisations
/// data from the SQLite database into PostgreSQL.
/// </summary>
public static class DbCommand
{
    public static Command Create(CliContext context)
    {
        var to = new Option<string>("--to") { Description = "The PostgreSQL connection string (Host=...;Database=...), an empty database.", Required = true };
        var copy = new Command("copy", "Copy the organisations data (localities, organisations, members, activities, targets, committees) into an empty PostgreSQL database.")
        {
            to,
        };
        copy.SetAction(parse =>
        {
            var settings = context.Settings(parse);
            var target = parse.GetValue(to)!;
            if (!PostgresDatabase.IsPostgres(target))
            {
                throw new ReportEngineException("--to must be a PostgreSQL connection string (Host=...;Database=...).");
            }

            foreach (var (table, rows) in SqliteToPostgres.Copy(ReportsDatabase.SqliteFile(settings.ConnectionString), target))
            {
                context.Output.WriteLine($"{table}: {rows:N0} rows");
            }

            return 0;
        });
        var init = new Command("init", "Create an empty organisations database with the current schema (the --db SQLite file or PostgreSQL connection string); refused where data already are.");
        init.SetAction(parse =>
        {
            context.Output.WriteLine("created " + DatabaseInit.Create(context.Settings(parse).ConnectionString, context.Clock));
            return 0;
        });
        return new Command("db", "The organisations database.") { init, copy };
    }
}
