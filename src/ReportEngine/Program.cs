Console.WriteLine("ReportEngine");
