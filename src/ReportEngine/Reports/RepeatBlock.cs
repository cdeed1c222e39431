using ReportEngine.Layout;
using ReportEngine.Templates;

namespace ReportEngine.Reports;

/// <summary>Draws its inner blocks once per row of a query (e.g. a section per district), each seeing the row as "row".</summary>
internal static class RepeatBlock
{
    public static void Compose(IContainer container, BlockDefinition block, DocumentComposer composer, string where)
    {
        var rows = composer.Rows(block, where);
        container.Column(column =>
        {
            column.Spacing(8);
            for (var r = 0; r < rows.Count; r++)
            {
                composer.EnterRepeat(rows[r], block.Key);
                try
                {
                    Blocks.ComposeSequence(column, block.Blocks, composer, b => $"{where}.blocks[{b}]");
                }
                finally
                {
                    composer.LeaveRepeat();
                }
            }
        });
    }
}
