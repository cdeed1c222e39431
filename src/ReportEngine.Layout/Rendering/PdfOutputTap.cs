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
        inner.Write(buffer);
        tail?.Append(buffer);
        Written += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

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
