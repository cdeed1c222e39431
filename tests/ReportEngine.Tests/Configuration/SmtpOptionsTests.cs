using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReportEngine.Configuration;
using ReportEngine.Hosting;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Configuration;

public class SmtpOptionsTests
{
    private static readonly ReportEngineSettings Settings = new("Data Source=reports.db", "templates");

    [Fact]
    public void Smtp_and_Delivery_bind_from_the_keys_the_environment_sets()
    {
        // Smtp__Host in the environment is Smtp:Host in the configuration.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new("Smtp:Host", "127.0.0.1"), new("Smtp:Port", "2525"), new("Smtp:Security", "Tls"), new("Smtp:UserName", "reports"),
            new("Smtp:From", "Ban Dân vận <reports@example.org>"), new("Smtp:TimeoutSeconds", "20"), new("Smtp:MaxAttachmentBytes", "5000000"),
            new("Delivery:MaxAttempts", "3"), new("Delivery:FirstRetryDelay", "00:00:10"), new("Delivery:MaxRetryDelay", "00:05:00"),
        ]).Build();
        using var services = Services(configuration);

        var smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        var delivery = services.GetRequiredService<IOptions<DeliveryOptions>>().Value;

        Assert.Equal(("127.0.0.1", 2525, SmtpSecurity.Tls, "reports", 20, 5_000_000L),
            (smtp.Host, smtp.Port, smtp.Security, smtp.UserName, smtp.TimeoutSeconds, smtp.MaxAttachmentBytes));
        Assert.Equal((3, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5)), (delivery.MaxAttempts, delivery.FirstRetryDelay, delivery.MaxRetryDelay));
    }

    [Fact]
    public void Without_a_host_email_is_off_and_nothing_else_is_required()
    {
        using var services = Services(new ConfigurationBuilder().Build());

        Assert.False(services.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured);
    }

    [Theory]
    [InlineData("Smtp:Port", "70000")]
    [InlineData("Smtp:From", "not an address")]
    [InlineData("Smtp:TimeoutSeconds", "0")]
    [InlineData("Smtp:MaxAttachmentBytes", "0")]
    [InlineData("Smtp:PasswordFile", "/nonexistent/smtp-password")]
    [InlineData("Delivery:MaxAttempts", "0")]
    public void A_bad_value_fails_validation_with_a_message_naming_its_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Smtp:Host", "127.0.0.1"), new("Smtp:From", "reports@example.org")])
            .AddInMemoryCollection([new(key, value)])
            .Build();
        using var services = Services(configuration);

        var error = Record.Exception(() =>
        {
            _ = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
            _ = services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        });

        Assert.Contains(key, Assert.IsType<OptionsValidationException>(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_is_read_from_the_password_file_and_never_shown()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("password"), "s3cret-value\n");
        var options = new SmtpOptions { Host = "127.0.0.1", UserName = "reports", PasswordFile = folder.File("password"), From = "reports@example.org" };

        Assert.Equal("s3cret-value", options.ReadPassword());
        Assert.DoesNotContain("s3cret", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Back_off_doubles_from_the_first_delay_up_to_the_maximum()
    {
        var options = new DeliveryOptions { FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(10) };
        var sender = new ReportEngine.Delivery.DeliverySender(null!, null!, null!, new SmtpOptions(), options, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.Equal([1, 2, 4, 8, 10, 10], new long[] { 1, 2, 3, 4, 5, 30 }.Select(a => sender.BackOff(a).TotalMinutes));
    }

    private static ServiceProvider Services(IConfiguration configuration) =>
        new ServiceCollection()
            .AddSingleton(configuration)
            .AddReportEngineOptions(Settings)
            .BuildServiceProvider();
}
