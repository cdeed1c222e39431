using ReportEngine.Cli;

return await CommandLineApplication.RunAsync(args);
