using Microsoft.Extensions.Time.Testing;
using ReportEngine.Templates;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Templates;

public class ParameterResolverTests
{
    private static readonly ReportTemplate Annual = TemplateLoader.Load(RepositoryPaths.Templates, "annual-assessment");

    [Fact]
    public void Previous_year_is_taken_in_Vietnam_time()
    {
        // 17:30 UTC on 31 December is already 1 January in Hanoi.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 12, 31, 17, 30, 0, TimeSpan.Zero));
        var values = new ParameterResolver(clock).Resolve(Annual, new Dictionary<string, string>());
        Assert.Equal(2025, values["year"]);
    }

    [Fact]
    public void Defaults_may_use_earlier_parameters()
    {
        var values = Resolve(new() { ["year"] = "2024" });
        Assert.Equal("2024-08-31", values["as_of"]);
        Assert.Equal("2023-08-31", values["previous_as_of"]);
        Assert.Equal("binh-thuan", values["locality"]);
    }

    [Theory]
    [InlineData("year", "twenty")]
    [InlineData("year", "1850")]
    [InlineData("as_of", "31/08/2024")]
    public void A_value_of_the_wrong_form_names_the_parameter(string name, string value)
    {
        var error = Assert.Throws<ReportEngineException>(() => Resolve(new() { [name] = value }));
        Assert.Contains($"\"{name}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_the_template_does_not_declare_is_refused()
    {
        var error = Assert.Throws<ReportEngineException>(() => Resolve(new() { ["yeer"] = "2024" }));
        Assert.Contains("yeer", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyDictionary<string, object> Resolve(Dictionary<string, string> given) =>
        new ParameterResolver(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero))).Resolve(Annual, given);
}
