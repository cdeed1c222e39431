using System.CommandLine;
using ReportEngine.Data;
using ReportEngine.Delivery;

namespace ReportEngine.Cli;

/// <summary>
/// committees list [--level L] | import FILE.csv | set CODE [--name] [--locality] [--language] [--to] [--cc] [--drop-folder]
/// [--issuing-body] [--body-symbol] [--signer-authority] [--signer-position] [--signer-name] [--place]:
/// who receives reports, in which language, through which channels. Every change is validated first.
/// </summary>
public static class CommitteesCommand
{
    public static Command Create(CliContext context)
    {
        var level = new Option<string?>("--level") { Description = "Only committees of this level: province, district or commune." };
        level.AcceptOnlyFromAmong([.. CommitteeLevel.All]);
        var list = new Command("list", "List committees: code, level, language, locality, recipients (to, cc:), drop folder.") { level };
        list.SetAction(parse =>
        {
            var store = Store(context, parse);
            var committees = parse.GetValue(level) is { } l ? store.AtLevel(l) : store.All();
            foreach (var c in committees)
            {
                var recipients = string.Join(" ", c.Recipients.Select(r => r.Role == RecipientRole.Cc ? "cc:" + r.Address : r.Address));
                context.Output.WriteLine(string.Join("  ", c.Code, c.Level, c.Language, c.LocalityName, recipients.Length > 0 ? recipients : "-", c.DropFolder ?? "-"));
            }

            return 0;
        });

        var file = new Argument<string>("file") { Description = $"A UTF-8 CSV file with a header line; columns {string.Join(",", CommitteeImport.Columns)} (to, cc: addresses separated by ';')." };
        var import = new Command("import", "Create or update committees from a CSV file; each listed committee's recipients and drop folder are replaced. All or nothing.") { file };
        import.SetAction(parse =>
        {
            var imported = new CommitteeEdits(Store(context, parse)).Import(Path.GetFullPath(parse.GetValue(file)!));
            context.Output.WriteLine($"committees: {imported} imported");
            return 0;
        });

        var code = new Argument<string>("code") { Description = "The committee's code (a new code creates a committee; then --locality is needed)." };
        var name = new Option<string?>("--name") { Description = "The committee's name." };
        var locality = new Option<string?>("--locality") { Description = "The code of the locality its reports cover." };
        var language = new Option<string?>("--language") { Description = "vi, en or pl." };
        var to = new Option<string?>("--to") { Description = "To addresses, separated by ';' (replaces the list; \"\" empties it)." };
        var cc = new Option<string?>("--cc") { Description = "Cc addresses, separated by ';' (replaces the list; \"\" empties it)." };
        var dropFolder = new Option<string?>("--drop-folder") { Description = "Absolute path of a mounted share to copy its PDFs into (\"\" removes it); PDFs go there once the share holds a .reportengine-drop file." };
        // What its reports print as a Party document; "" clears a part (the template's default is printed).
        var signerOptions = CommitteeSigner.Columns.ToDictionary(c => c, c => new Option<string?>("--" + c.Replace('_', '-'))
        {
            Description = c switch
            {
                "issuing_body" => "The issuing body printed top left (e.g. \"TỈNH ỦY LÂM ĐỒNG\"; \\n separates a superior body above it).",
                "body_symbol" => "The body's symbol in the document number (TU in Số 123-BC/TU).",
                "signer_authority" => "The signer's authority (e.g. \"T/M BAN THƯỜNG VỤ\").",
                "signer_position" => "The signer's position (e.g. \"PHÓ BÍ THƯ\").",
                "signer_name" => "The signer's name.",
                _ => "The place in the date line (e.g. \"Đà Lạt\").",
            },
        });
        var set = new Command("set", "Create or change one committee.") { code, name, locality, language, to, cc, dropFolder };
        foreach (var option in signerOptions.Values)
        {
            set.Options.Add(option);
        }

        set.SetAction(parse =>
        {
            // The console's edit form calls the same CommitteeEdits: the same checks, the same messages.
            var created = new CommitteeEdits(Store(context, parse)).Set(new CommitteeEdit(
                parse.GetValue(code)!,
                parse.GetValue(name),
                parse.GetValue(locality),
                parse.GetValue(language),
                parse.GetValue(to),
                parse.GetValue(cc),
                parse.GetValue(dropFolder),
                signerOptions.ToDictionary(o => o.Key, o => parse.GetValue(o.Value)?.Replace("\\n", "\n", StringComparison.Ordinal))));
            context.Output.WriteLine($"committee {parse.GetValue(code)}: {(created ? "created" : "updated")}");
            return 0;
        });

        return new Command("committees", "The committees that receive reports, their languages, recipients and drop folders.") { list, import, set };
    }

    private static CommitteeStore Store(CliContext context, ParseResult parse)
    {
        var settings = context.Settings(parse);
        ReportsDatabase.OpenForReports(settings.ConnectionString, settings.ReaderConnectionString).Dispose(); // exists, and migrated
        return new CommitteeStore(settings.ConnectionString);
    }
}
