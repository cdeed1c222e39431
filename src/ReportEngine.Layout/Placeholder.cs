namespace ReportEngine.Layout;
internal static class Placeholder { }
