using ReportEngine.Benchmarks;
var doc = W1Report.Create();
var sw = System.Diagnostics.Stopwatch.StartNew();
doc.GeneratePdf(Stream.Null);
var probe = typeof(ReportEngine.Layout.Document).Assembly.GetType("ReportEngine.Layout.Infrastructure.Probe")!;
Console.WriteLine(probe.GetMethod("Report")!.Invoke(null, null));
for (int i = 0; i < 25; i++) { sw.Restart(); doc.GeneratePdf(Stream.Null); Console.WriteLine($"pdf {sw.ElapsedMilliseconds} ms"); }
Console.WriteLine(probe.GetMethod("Report")!.Invoke(null, null));
