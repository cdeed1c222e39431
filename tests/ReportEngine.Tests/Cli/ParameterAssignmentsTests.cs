using ReportEngine.Cli;

namespace ReportEngine.Tests.Cli;

public class ParameterAssignmentsTests
{
    [Fact]
    public void Name_value_pairs_are_read_with_everything_after_the_first_equals_sign()
    {
        var values = ParameterAssignments.Parse(["year=2024", "locality=binh-thuan", "note=a=b"]);
        Assert.Equal("2024", values["year"]);
        Assert.Equal("a=b", values["note"]);
    }

    [Theory]
    [InlineData("year")]
    [InlineData("=2024")]
    public void An_assignment_without_a_name_or_value_is_refused(string assignment) =>
        Assert.Throws<ReportEngineException>(() => ParameterAssignments.Parse([assignment]));

    [Fact]
    public void The_same_parameter_twice_is_refused() =>
        Assert.Throws<ReportEngineException>(() => ParameterAssignments.Parse(["year=2023", "year=2024"]));
}
