using System.Runtime.ExceptionServices;

namespace ReportEngine.Layout.Rendering;

/// <summary>
/// Passes SkiaSharp's PDF bytes straight to the caller's stream (pages stream out as they are finished) while
/// counting them, and keeps a copy of the final part (page tree, catalog, cross-reference table, written on
/// close) so the post-processor can append an incremental update: outline, language.
/// </summary>
internal sealed class PdfOutputTap : Stream
{
    private readonly Stream inner;
    private TailBuffer? tail;

    /// <summary>
    /// SkiaSharp calls Write and Flush from native code: an exception thrown there cannot cross the native
    /// frames and kills the process (a full disk ended the worker with exit 134). The first one is kept
    /// here, later writes do nothing, and the renderer rethrows it from managed code.
    /// </summary>
    private ExceptionDispatchInfo? failure;

    public PdfOutputTap(Stream inner)
    {
        this.inner = inner;
    }

    /// <summary>Bytes written so far.</summary>
    public long Written { get; private set; }

    /// <summary>Offset in the file where the captured tail starts.</summary>
    public long TailStart { get; private set; }

    public TailBuffer Tail => tail ?? new TailBuffer();

    public Stream Inner => inner;

    public void BeginCapture()
    {
        TailStart = Written;
        tail = new TailBuffer();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (failure is not null)
        {
            return;
        }

        try
        {
            inner.Write(buffer);
        }
#pragma warning disable CA1031 // Kept and rethrown by ThrowIfFailed: see failure.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = ExceptionDispatchInfo.Capture(e);
            return;
        }

        tail?.Append(buffer);
        Written += buffer.Length;
    }

    /// <summary>Rethrows the first write that failed (a full disk, say), now that no native frame is between us and the caller.</summary>
    public void ThrowIfFailed() => failure?.Throw();

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush()
    {
        if (failure is not null)
        {
            return;
        }

        try
        {
            inner.Flush();
        }
#pragma warning disable CA1031 // Kept and rethrown by ThrowIfFailed: see failure.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Written;

    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
