using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Hosting;

namespace ReportEngine.Tests.Configuration;

public class OptionsTests
{
    private static readonly ReportEngineSettings Settings = new("Data Source=reports.db", "templates");

    [Fact]
    public void Each_options_type_binds_from_an_in_memory_configuration()
    {
        using var services = Services(new()
        {
            ["Archive:Path"] = "/srv/reports/archive",
            ["Schedules:Path"] = "/etc/reportengine/schedules.yaml",
            ["Schedules:ReloadInterval"] = "00:00:30",
            ["Schedules:TimeZone"] = "Europe/Warsaw",
            ["Worker:GracePeriod"] = "00:10:00",
            ["Worker:MisfireThreshold"] = "00:00:05",
            ["Worker:PollInterval"] = "00:00:02",
            ["Worker:MaxConcurrentRuns"] = "3",
        });

        var archive = services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
        var schedules = services.GetRequiredService<IOptions<SchedulesOptions>>().Value;
        var worker = services.GetRequiredService<IOptions<WorkerOptions>>().Value;

        Assert.Equal("/srv/reports/archive", archive.Path);
        Assert.Equal(("/etc/reportengine/schedules.yaml", TimeSpan.FromSeconds(30), "Europe/Warsaw"), (schedules.Path, schedules.ReloadInterval, schedules.TimeZone));
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 3),
            (worker.GracePeriod, worker.MisfireThreshold, worker.PollInterval, worker.MaxConcurrentRuns));
    }

    [Fact]
    public void Without_settings_the_defaults_are_those_the_readme_names()
    {
        using var services = Services([]);

        Assert.Equal("archive", services.GetRequiredService<IOptions<ArchiveOptions>>().Value.Path);
        Assert.Equal("config/schedules.yaml", services.GetRequiredService<IOptions<SchedulesOptions>>().Value.Path);
        Assert.Equal("Asia/Ho_Chi_Minh", services.GetRequiredService<IOptions<SchedulesOptions>>().Value.TimeZone);
        Assert.Equal(TimeSpan.FromMinutes(5), services.GetRequiredService<IOptions<WorkerOptions>>().Value.GracePeriod);
        Assert.Equal(Math.Min(Environment.ProcessorCount, 64), services.GetRequiredService<IOptions<BurstOptions>>().Value.MaxParallel);
    }

    [Theory]
    [InlineData("Worker:GracePeriod", "00:00:00")]
    [InlineData("Worker:MaxConcurrentRuns", "0")]
    [InlineData("Burst:MaxParallel", "0")]
    [InlineData("Burst:MaxParallel", "65")]
    [InlineData("Schedules:ReloadInterval", "-00:00:01")]
    [InlineData("Schedules:TimeZone", "Atlantis/Capital")]
    [InlineData("Archive:Path", "")]
    public void A_bad_value_fails_validation_with_a_message_naming_its_key(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        var error = Record.Exception(() =>
        {
            _ = services.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            _ = services.GetRequiredService<IOptions<SchedulesOptions>>().Value;
            _ = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
            _ = services.GetRequiredService<IOptions<BurstOptions>>().Value;
        });

        var failure = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_an_error_naming_its_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Worker:GracePeriod", "five minutes")]).Build();

        var error = Assert.Throws<ReportEngineException>(() => OptionsReader.Read(configuration, WorkerOptions.Section, new WorkerOptionsValidator()));

        Assert.Contains("Worker:GracePeriod", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddReportEngineOptions(Settings)
            .BuildServiceProvider();
    }
}
