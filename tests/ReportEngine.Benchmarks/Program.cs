using ReportEngine.Benchmarks;
var doc = W1Report.Create();
var sw = System.Diagnostics.Stopwatch.StartNew();
var bytes = doc.GeneratePdf();
Console.WriteLine($"first {sw.ElapsedMilliseconds} ms, pages {doc.PageCount}, bytes {bytes.Length}");
for (int i = 0; i < 5; i++) { sw.Restart(); bytes = doc.GeneratePdf(); Console.WriteLine($"{sw.ElapsedMilliseconds} ms {bytes.Length}"); }
File.WriteAllBytes("/tmp/re/w1.pdf", bytes);
for (int p = 0; p < 3; p++) File.WriteAllBytes($"/tmp/re/w1-{p}.png", doc.RenderPageToPng(p, 72));
