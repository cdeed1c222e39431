using Microsoft.Extensions.Configuration;
using ReportEngine.Web.Hosting;

namespace ReportEngine.Tests.Web.Hosting;

/// <summary>Web:* binds from configuration, defaults as README says, and a bad value is one message naming its key.</summary>
public sealed class WebConsoleOptionsTests
{
    [Fact]
    public void Without_settings_the_console_is_on_at_loopback_5080_with_five_tries()
    {
        var options = WebConsoleExtensions.ReadOptions(new ConfigurationBuilder().Build());

        Assert.Equal((true, "http://127.0.0.1:5080", 5, TimeSpan.FromMinutes(15), 10),
            (options.Enabled, options.Urls, options.MaxFailedLogins, options.LockoutDuration, options.LoginAttemptsPerMinute));
    }

    [Fact]
    public void Settings_bind()
    {
        var options = WebConsoleExtensions.ReadOptions(Configuration(("Web:Enabled", "false"), ("Web:Urls", "http://127.0.0.1:8080"), ("Web:LockoutDuration", "01:00:00")));

        Assert.Equal((false, "http://127.0.0.1:8080", TimeSpan.FromHours(1)), (options.Enabled, options.Urls, options.LockoutDuration));
    }

    [Theory]
    [InlineData("Web:Urls", "127.0.0.1:5080")]
    [InlineData("Web:MaxFailedLogins", "0")]
    [InlineData("Web:LockoutDuration", "00:00:00")]
    [InlineData("Web:LoginAttemptsPerMinute", "0")]
    [InlineData("Web:SessionTimeout", "-00:00:01")]
    public void A_bad_value_is_refused_naming_its_key(string key, string value)
    {
        var error = Assert.Throws<ReportEngineException>(() => WebConsoleExtensions.ReadOptions(Configuration((key, value))));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
