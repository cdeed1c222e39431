using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Data;
using ReportEngine.Data.Migrations;
using ReportEngine.Web.Accounts;
using ReportEngine.Web.Hosting;

namespace ReportEngine.Cli;

/// <summary>
/// The console's account services for the `users` and `apikeys` verbs: the same Identity (hashing,
/// validation, lockout) and audit log the console uses, without a web server. Actor "cli:&lt;os user&gt;".
/// </summary>
internal static class AccountServices
{
    public static ServiceProvider Build(CliContext context, ParseResult parse)
    {
        var settings = context.Settings(parse);
        // The database must exist, and have the console's tables (migration 0011). On PostgreSQL the owner's
        // connection migrates; the reader role reports use is not needed for accounts.
        if (PostgresDatabase.IsPostgres(settings.ConnectionString))
        {
            using var owner = PostgresDatabase.Open(settings.ConnectionString);
            MigrationRunner.Apply(owner);
        }
        else
        {
            ReportsDatabase.OpenForReports(settings.ConnectionString).Dispose();
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(settings);
        services.AddSingleton(context.Clock);
        services.AddAccountStores(WebConsoleExtensions.ReadOptions(CliContext.Configuration()));
        return services.BuildServiceProvider();
    }

    public static string Actor => "cli:" + Environment.UserName;
}
