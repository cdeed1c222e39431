using System.Text;
using ReportEngine.Delivery;
using ReportEngine.Tests.Support;

namespace ReportEngine.Tests.Hardening.Fuzzing;

/// <summary>`committees import` on damaged CSV: accepted, or refused with every problem on a line of its own naming file and line.</summary>
public sealed class CommitteeCsvFuzzTests : IDisposable
{
    private const string Valid = """"
        code,name,locality,language,to,cc,drop_folder
        la-gi,"Ban Thường vụ Thị ủy La Gi, khóa mới",la-gi,en,bt.la-gi@example.org;vp.la-gi@example.org,dv.la-gi@example.org,/mnt/share/la-gi
        phan-thiet-mui-ne,Đảng ủy phường Mũi Né,phan-thiet-mui-ne,pl,mui-ne@example.org,,
        binh-thuan,"Tỉnh ủy ""Bình Thuận""",binh-thuan,vi,tinh-uy@example.org,,

        """";

    private readonly TempFolder _folder = new();

    [Fact]
    public void Damaged_committee_files_are_accepted_or_refused_line_by_line()
    {
        var file = _folder.File("committees.csv");
        var localities = new HashSet<string>(["la-gi", "phan-thiet-mui-ne", "binh-thuan"], StringComparer.Ordinal);

        FuzzBudget.Run("committees", 400, Mutations.Of(Encoding.UTF8.GetBytes(Valid)), input => input, input =>
        {
            File.WriteAllBytes(file, input);
            try
            {
                CommitteeImport.Read(file, localities.Contains);
            }
            catch (ReportEngineException e)
            {
                // A summary, then one line per problem, each naming the file and its line.
                var lines = e.Message.Split('\n');
                Outcome.OneLine(lines[0]);
                foreach (var line in lines.Skip(1))
                {
                    Assert.StartsWith($"  {file}:", line, StringComparison.Ordinal);
                    Outcome.OneLine(line);
                }
            }
        });
    }

    public void Dispose() => _folder.Dispose();
}
