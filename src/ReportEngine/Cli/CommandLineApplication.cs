using System.CommandLine;

namespace ReportEngine.Cli;

/// <summary>
/// The command line: every verb, the global --db option, and the one place where errors a user
/// can cause become a message and exit code 1 (usage errors exit 2, as System.CommandLine does).
/// </summary>
public static class CommandLineApplication
{
    public const int UserError = 1;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var database = new Option<string?>("--db")
        {
            Description = "A SQLite file or connection string to use instead of the setting ConnectionStrings:Reports.",
            Recursive = true,
        };

        var archive = new Option<string?>("--archive")
        {
            Description = "The archive folder to use instead of the setting Archive:Path.",
            Recursive = true,
        };

        var context = new CliContext(database, archive, output, error, TimeProvider.System);
        var root = new RootCommand("ReportEngine: scheduled, audited PDF reports on mass organisations.");
        root.Options.Add(database);
        root.Options.Add(archive);
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(TemplatesCommand.Create(context));
        root.Subcommands.Add(RunsCommand.Create(context));
        root.Subcommands.Add(NumbersCommand.Create(context));
        root.Subcommands.Add(ArchiveCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(DbCommand.Create(context));
        root.Subcommands.Add(CommitteesCommand.Create(context));
        root.Subcommands.Add(DeliveriesCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        root.Subcommands.Add(ImportsCommand.Create(context));
        root.Subcommands.Add(UsersCommand.Create(context));
        root.Subcommands.Add(ApiKeysCommand.Create(context));
        root.Subcommands.Add(WorkersCommand.Create(context));

        ParseResult? parse = null;
        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                // Our own errors reach the catch below as one line, not System.CommandLine's stack trace.
                EnableDefaultExceptionHandler = false,
                // SIGTERM and Ctrl+C belong to the worker's host, which lets a running report finish
                // within Worker:GracePeriod; System.CommandLine would end the process after 2 s.
                ProcessTerminationTimeout = null,
            };
            parse = root.Parse(args);
            return await parse.InvokeAsync(configuration);
        }
        catch (Import.ImportRejectedException e)
        {
            // Every problem of a refused import on its own line, the count last.
            foreach (var line in e.Lines)
            {
                await error.WriteLineAsync("error: " + line);
            }

            return UserError;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // The database failed after it opened: damaged pages, a lock held past the wait, a full disk.
            await error.WriteLineAsync("error: " + Data.SqliteFailure.Describe(DatabaseFile(parse, database), e).Message);
            return UserError;
        }
        catch (System.Data.Common.DbException e)
        {
            // PostgreSQL failed after it opened (the server went away, a statement it refused): named, never with its password.
            await error.WriteLineAsync($"error: the database {Data.DatabaseLocation.Describe(DatabaseSetting(parse, database))} failed: {MessageText.OneLine(e.Message)}");
            return UserError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file or folder of ours could not be written (a full disk, no permission): the message names it.
            await error.WriteLineAsync("error: " + MessageText.OneLine(e.Message));
            return UserError;
        }
        catch (ReportEngineException e)
        {
            // A message listing several problems (e.g. a committees file) gives each its own `error:` line.
            foreach (var line in e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await error.WriteLineAsync("error: " + MessageText.OneLine(line));
            }

            return UserError;
        }
    }

    /// <summary>The database a verb used: --db, or the setting.</summary>
    private static string DatabaseFile(ParseResult? parse, Option<string?> database)
    {
        try
        {
            return Data.ReportsDatabase.SqliteFile(DatabaseSetting(parse, database));
        }
        catch (ReportEngineException)
        {
            return "named by ConnectionStrings:Reports";
        }
    }

    private static string DatabaseSetting(ParseResult? parse, Option<string?> database) =>
        parse?.GetValue(database) ?? Configuration.ReportEngineSettings.BuildConfiguration(CliContext.WorkingDirectory)[Configuration.ReportEngineSettings.ConnectionStringKey]
            ?? Configuration.ReportEngineSettings.DefaultConnectionString;
}
