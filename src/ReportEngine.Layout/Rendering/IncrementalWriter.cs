using System.Globalization;
using System.Text;

namespace ReportEngine.Layout.Rendering;

/// <summary>Writes objects after the original file's end, then their cross-reference section and trailer.</summary>
internal sealed class IncrementalWriter(PdfOutputTap tap, int firstFreeNumber)
{
    private readonly SortedDictionary<int, long> offsets = [];
    private int next = firstFreeNumber;

    public int Reserve() => next++;

    public void Write(int number, string body)
    {
        Emit("\n");
        offsets[number] = tap.Written;
        Emit(string.Create(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj"));
    }

    public void Finish(PdfTail original, string? trailerExtras = null)
    {
        Emit("\n");
        var xref = tap.Written;
        var text = new StringBuilder("xref\n");

        // One subsection per run of consecutive object numbers.
        var numbers = offsets.Keys.ToList();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
            {
                j++;
            }

            text.Append(CultureInfo.InvariantCulture, $"{numbers[i]} {j - i + 1}\n");
            for (var k = i; k <= j; k++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{offsets[numbers[k]]:D10} 00000 n \n");
            }

            i = j + 1;
        }

        text.Append(CultureInfo.InvariantCulture,
            $"trailer\n<</Size {next}\n/Root {original.RootNumber} 0 R{trailerExtras ?? original.TrailerExtras}\n/Prev {original.StartXref}>>\nstartxref\n{xref}\n%%EOF\n");
        Emit(text.ToString());
        tap.Flush();
    }

    private void Emit(string text) => tap.Write(Encoding.Latin1.GetBytes(text));
}
