using ReportEngine.Layout;
var doc = Document.Create(d => d.Page(p => { p.Margin(40); p.Content().PaddingVertical(6).Table(t => {
  t.ColumnsDefinition(c => { c.ConstantColumn(40); c.RelativeColumn(3); c.RelativeColumn(1); });
  t.Header(h => { h.Cell().Text("STT"); h.Cell().Text("Tên"); h.Cell().AlignRight().Text("Hội viên"); });
  for (int i = 0; i < 100; i++) { t.Cell().Text("" + i); t.Cell().Text("Hội Chữ thập đỏ"); t.Cell().AlignRight().Text("12.345"); }
}); }));
File.WriteAllBytes("/tmp/re/a.png", doc.RenderPageToPng(0));
File.WriteAllBytes("/tmp/re/a.pdf", doc.GeneratePdf());
Console.WriteLine(doc.PageCount);
