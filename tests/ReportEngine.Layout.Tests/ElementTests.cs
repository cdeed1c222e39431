using ReportEngine.Layout.Elements;
using ReportEngine.Layout.Infrastructure;
using ReportEngine.Layout.Rendering;
using ReportEngine.Layout.Tests.Support;

namespace ReportEngine.Layout.Tests;

/// <summary>Measure and draw of single elements, with fake children and a canvas that draws nothing.</summary>
public class ElementTests
{
    private static T Attach<T>(T element) where T : Element
    {
        TreeWalker.Attach(element, new NullCanvas(), new RenderContext { PageNumber = 1 });
        return element;
    }

    private static SlotElement Slot(Element child) => new() { Name = "Item", Child = child };

    [Fact]
    public void Column_stacks_items_with_spacing()
    {
        var first = new FakeElement(50, 30);
        var second = new FakeElement(80, 20);
        var column = Attach(new ColumnElement { Spacing = 5, Items = { Slot(first), Slot(second) } });

        Assert.Equal(SpacePlan.Full(80, 55).ToString(), column.Measure(new Size(100, 200)).ToString());
        column.Draw(new Size(100, 200));
        Assert.Equal(0, first.Draws.Single().OriginY);
        Assert.Equal(35, second.Draws.Single().OriginY);
        Assert.Equal(new Size(100, 20), second.Draws.Single().Size);
    }

    [Fact]
    public void Column_continues_on_the_next_page_inside_an_item_that_splits()
    {
        var first = new FakeElement(50, 30);
        var second = new FakeElement(50, 100);
        var column = Attach(new ColumnElement { Spacing = 5, Items = { Slot(first), Slot(second) } });

        Assert.Equal(SpacePlan.Partial(50, 65).ToString(), column.Measure(new Size(100, 70)).ToString());
        column.Draw(new Size(100, 70));
        Assert.Equal(SpacePlan.Full(50, 70).ToString(), column.Measure(new Size(100, 70)).ToString());
    }

    [Fact]
    public void Column_wraps_when_its_first_item_cannot_place_anything()
    {
        var column = Attach(new ColumnElement { Items = { Slot(new FakeElement(50, 30)) } });
        var plan = column.Measure(new Size(100, 5));
        Assert.True(plan.IsWrap);
        Assert.IsType<FakeElement>(plan.Culprit);
    }

    [Fact]
    public void Padding_offers_the_child_less_room_and_adds_the_padding_to_its_size()
    {
        var child = new FakeElement(50, 30);
        var padding = Attach(new PaddingElement { Left = 10, Top = 5, Right = 10, Bottom = 5, Child = child });
        Assert.Equal(SpacePlan.Full(70, 40).ToString(), padding.Measure(new Size(100, 100)).ToString());
        padding.Draw(new Size(100, 100));
        Assert.Equal(new Size(80, 90), child.Draws.Single().Size);
        Assert.Equal(5, child.Draws.Single().OriginY);
    }

    [Fact]
    public void Row_splits_the_width_left_by_constant_items_between_relative_items()
    {
        var a = new FakeElement(1, 10);
        var b = new FakeElement(1, 20);
        var c = new FakeElement(1, 10);
        var row = Attach(new RowElement
        {
            Spacing = 10,
            Items =
            {
                new RowItem { Kind = RowItemKind.Constant, Value = 40, Child = a },
                new RowItem { Kind = RowItemKind.Relative, Value = 1, Child = b },
                new RowItem { Kind = RowItemKind.Relative, Value = 3, Child = c },
            },
        });

        Assert.Equal(20, row.Measure(new Size(180, 100)).Height);
        row.Draw(new Size(180, 20));
        Assert.Equal(40, a.Draws.Single().Size.Width);
        Assert.Equal(30, b.Draws.Single().Size.Width);
        Assert.Equal(90, c.Draws.Single().Size.Width);
        Assert.All(new[] { a, b, c }, e => Assert.Equal(20, e.Draws.Single().Size.Height));
    }

    [Fact]
    public void Page_break_continues_once_then_takes_no_space()
    {
        var pageBreak = Attach(new PageBreakElement());
        Assert.Equal(SpacePlanKind.Partial, pageBreak.Measure(new Size(100, 100)).Kind);
        pageBreak.Draw(new Size(100, 100));
        Assert.Equal(SpacePlanKind.Empty, pageBreak.Measure(new Size(100, 100)).Kind);
    }

    [Fact]
    public void Horizontal_line_takes_its_thickness_and_the_full_width()
    {
        var line = Attach(new LineElement { Thickness = 2 });
        Assert.Equal(SpacePlan.Full(0, 2).ToString(), line.Measure(new Size(100, 50)).ToString());
        Assert.True(line.Measure(new Size(100, 1)).IsWrap);
    }
}
