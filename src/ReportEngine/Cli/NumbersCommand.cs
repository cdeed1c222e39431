using System.CommandLine;
using System.Globalization;
using ReportEngine.Numbers;

namespace ReportEngine.Cli;

/// <summary>numbers list [--body B] [--year Y]: the register of document numbers, as the office keeps it.</summary>
public static class NumbersCommand
{
    public static Command Create(CliContext context)
    {
        var body = new Option<string?>("--body") { Description = "Only this issuing body: its committee's code, or its symbol (TU, HU, ĐU)." };
        var year = new Option<int?>("--year") { Description = "Only numbers issued in this year (Vietnam time)." };
        var list = new Command("list", "One line per number given: number, status (issued or void), run, issued at, body; a void number's reason.") { body, year };
        list.SetAction(parse =>
        {
            var runs = context.Runs(context.Settings(parse), mustExist: true);
            foreach (var number in DocumentRegister.For(runs.ConnectionString).List(parse.GetValue(body), parse.GetValue(year)))
            {
                var line = string.Join("  ",
                    number.Text, number.Status, "run " + number.RunId.ToString(CultureInfo.InvariantCulture), number.IssuedAt, number.Body);
                context.Output.WriteLine(number.VoidedReason is { } reason ? $"{line}  {MessageText.OneLine(reason)}" : line);
            }

            return 0;
        });

        return new Command("numbers", "The register of document numbers: one per issuing body and year, none given twice, failed runs' numbers void.") { list };
    }
}
