using System.Runtime.CompilerServices;
using SkiaSharp;

namespace ReportEngine.Layout.Tests.Support;

/// <summary>
/// Compares a rendered PNG with ExpectedOutput/&lt;name&gt;.png, tolerating anti-aliasing noise (a few levels per
/// channel on a small share of pixels). Set UPDATE_GOLDEN=1 to rewrite the expected images from the current output.
/// </summary>
internal static class GoldenImage
{
    private const int ChannelTolerance = 24;
    private const double PixelShareTolerance = 0.002;

    public static void AssertMatches(string name, byte[] actualPng, [CallerFilePath] string callerPath = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerPath)!, "ExpectedOutput");
        var expectedPath = Path.GetFullPath(Path.Combine(folder, name + ".png"));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" || !File.Exists(expectedPath))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(expectedPath, actualPng);
            Assert.Fail(File.Exists(expectedPath) && Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1"
                ? $"Golden image {name} rewritten; run again without UPDATE_GOLDEN."
                : $"Golden image {name} was missing and has been written; check it in and run again.");
        }

        using var expected = SKBitmap.Decode(expectedPath);
        using var actual = SKBitmap.Decode(actualPng);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        var different = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                var e = expected.GetPixel(x, y);
                var a = actual.GetPixel(x, y);
                if (Math.Abs(e.Red - a.Red) > ChannelTolerance || Math.Abs(e.Green - a.Green) > ChannelTolerance
                    || Math.Abs(e.Blue - a.Blue) > ChannelTolerance || Math.Abs(e.Alpha - a.Alpha) > ChannelTolerance)
                {
                    different++;
                }
            }
        }

        var share = different / (double)(expected.Width * expected.Height);
        if (share > PixelShareTolerance)
        {
            var actualPath = Path.Combine(Path.GetTempPath(), name + ".actual.png");
            File.WriteAllBytes(actualPath, actualPng);
            Assert.Fail($"{name}: {different} pixels ({share:P2}) differ beyond tolerance; actual image written to {actualPath}.");
        }
    }
}
