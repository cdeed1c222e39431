using System.Text;
using System.Text.Json;
using ReportEngine.Templates;
using ReportEngine.Templates.Liquid;

namespace ReportEngine.Reports;

public sealed class DocumentComposer(ReportTemplate template, LiquidRenderer liquid, IReadOnlyDictionary<string, object?> results)
{
    public StubDocument Compose(DateTimeOffset documentDate) => new(template.Name + documentDate.ToString("O") + liquid.GetHashCode().ToString()[..0] + JsonSerializer.Serialize(results.Keys));
}

public sealed class StubDocument(string text)
{
    public int GeneratePdf(Stream stream)
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.4\n% stub\n" + text + "\n%%EOF\n");
        stream.Write(bytes);
        return 1;
    }
}
