using System.CommandLine;
using Microsoft.Extensions.Configuration;
using ReportEngine.Archive;
using ReportEngine.Configuration;
using ReportEngine.Data;
using ReportEngine.Runs;

namespace ReportEngine.Cli;

/// <summary>What every verb shares: the global options, the output writer and the clock.</summary>
public sealed class CliContext(Option<string?> database, Option<string?> archive, TextWriter output, TextWriter error, TimeProvider clock)
{
    public Option<string?> Database { get; } = database;

    public Option<string?> Archive { get; } = archive;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TimeProvider Clock { get; } = clock;

    public static string WorkingDirectory => Directory.GetCurrentDirectory();

    public static IConfigurationRoot Configuration() => ReportEngineSettings.BuildConfiguration(WorkingDirectory);

    internal ReportEngineSettings Settings(ParseResult parse) =>
        ReportEngineSettings.Load(Configuration(), WorkingDirectory, parse.GetValue(Database));

    /// <summary>The archive named by --archive, or the setting Archive:Path.</summary>
    internal ReportArchive ReportArchive(ParseResult parse)
    {
        var path = parse.GetValue(Archive)
            ?? OptionsReader.Read(Configuration(), ArchiveOptions.Section, new ArchiveOptionsValidator()).Path;
        return new ReportArchive(Path.GetFullPath(path, WorkingDirectory));
    }

    /// <summary>The runs table of the configured database; with mustExist, a missing database is an error rather than created.</summary>
    internal RunStore Runs(ReportEngineSettings settings, bool mustExist = false)
    {
        if (mustExist)
        {
            // Checks the database is there and brings its schema up to date (the runs table arrived with 0002);
            // on PostgreSQL through the owner's connection, which the runs table is written through.
            OrganizationsDatabase.OpenExisting(settings.ConnectionString).Dispose();
        }

        return new RunStore(settings.ConnectionString, Clock);
    }

    internal static SmtpOptions Smtp()
    {
        var configuration = Configuration();
        return OptionsReader.Read(configuration, SmtpOptions.Section, new SmtpOptionsValidator(configuration));
    }

    /// <summary>The zone times are shown in (Display:TimeZone), checked like every setting.</summary>
    internal static TimeZoneInfo DisplayZone() => OptionsReader.Read(Configuration(), DisplayOptions.Section, new DisplayOptionsValidator()).Zone;

    internal static BurstOptions Burst() => OptionsReader.Read(Configuration(), BurstOptions.Section, new BurstOptionsValidator());

    internal static DeliveryOptions Delivery() => OptionsReader.Read(Configuration(), DeliveryOptions.Section, new DeliveryOptionsValidator(Smtp));
}
