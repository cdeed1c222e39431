using ReportEngine.Layout;
var doc = Document.Create(d => { d.Metadata(new DocumentMetadata{ Title="T", CreationDate = new DateTimeOffset(2024,1,1,0,0,0,TimeSpan.Zero)}); d.Page(p => { p.Margin(40); p.Content().Column(c => { c.Item().Heading(1, "Một"); c.Item().PageBreak(); c.Item().Heading(2, "Hai"); c.Item().SectionLink("heading-1").Text("link"); c.Item().Hyperlink("https://example.com").Text("url"); }); }); });
File.WriteAllBytes("/tmp/re/o.pdf", doc.GeneratePdf());
