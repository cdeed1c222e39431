using System.CommandLine;
using ReportEngine.Data;

namespace ReportEngine.Cli;

/// <summary>
/// db init: creates an empty organisations database. db copy --to CONNECTION: copies the organisations
/// data from the SQLite database into PostgreSQL. db reader-role: the PostgreSQL role reports read through.
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
        return new Command("db", "The organisations database.") { init, copy, ReaderRole(context) };
    }

    /// <summary>The password comes from a file, never the command line (where `ps` and shell history show it), and is never printed.</summary>
    private static Command ReaderRole(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The role to make or update, e.g. reportengine_reader.", Required = true };
        var passwordFile = new Option<string?>("--password-file")
        {
            Description = "A file holding the role's password (one line); without it a new role has no password (for peer or certificate login) and an existing one keeps its own.",
        };
        var command = new Command("reader-role",
            "On PostgreSQL (--db or ConnectionStrings:Reports, the owner's connection): make the LOGIN role reports read through, allowed to SELECT and nothing else; " +
            "then set ConnectionStrings:ReportsReader to log in as it.")
        {
            name,
            passwordFile,
        };
        command.SetAction(parse =>
        {
            var owner = context.Settings(parse).ConnectionString;
            if (!PostgresDatabase.IsPostgres(owner))
            {
                throw new ReportEngineException("db reader-role is for PostgreSQL: --db (or ConnectionStrings:Reports) must be a PostgreSQL connection string (Host=...;Database=...); SQLite reports open the file read-only.");
            }

            foreach (var line in PostgresReaderRole.Make(owner, parse.GetValue(name)!, ReadPassword(parse.GetValue(passwordFile))))
            {
                context.Output.WriteLine(line);
            }

            return 0;
        });
        return command;
    }

    private static string? ReadPassword(string? file)
    {
        if (file is null)
        {
            return null;
        }

        if (!File.Exists(file))
        {
            throw new ReportEngineException($"--password-file \"{file}\" does not exist.");
        }

        var password = File.ReadAllText(file).TrimEnd('\r', '\n');
        return password.Length > 0 && !password.Contains('\n', StringComparison.Ordinal)
            ? password
            : throw new ReportEngineException($"--password-file \"{file}\" must hold the password on one line; it is empty or holds several lines.");
    }
}
