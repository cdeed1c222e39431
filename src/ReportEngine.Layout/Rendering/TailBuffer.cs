using System.Text;

namespace ReportEngine.Layout.Rendering;

/// <summary>
/// The bytes SkiaSharp writes on close, kept in small chunks: one large array would land on the large object
/// heap for every document and cost a full garbage collection every few documents.
/// </summary>
internal sealed class TailBuffer
{
    private const int ChunkSize = 32 * 1024;
    private readonly List<byte[]> chunks = [];
    private int lastLength = ChunkSize;

    public int Length => chunks.Count == 0 ? 0 : ((chunks.Count - 1) * ChunkSize) + lastLength;

    public void Append(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (lastLength == ChunkSize)
            {
                chunks.Add(new byte[ChunkSize]);
                lastLength = 0;
            }

            var count = Math.Min(data.Length, ChunkSize - lastLength);
            data[..count].CopyTo(chunks[^1].AsSpan(lastLength));
            lastLength += count;
            data = data[count..];
        }
    }

    /// <summary>Latin-1 text of [offset, offset + length), clipped to the buffer.</summary>
    public string Read(int offset, int length)
    {
        length = Math.Min(length, Length - offset);
        if (offset < 0 || length <= 0)
        {
            return "";
        }

        var bytes = length <= 4096 ? stackalloc byte[length] : new byte[length];
        var copied = 0;
        while (copied < length)
        {
            var position = offset + copied;
            var chunk = chunks[position / ChunkSize];
            var start = position % ChunkSize;
            var count = Math.Min(length - copied, ChunkSize - start);
            chunk.AsSpan(start, count).CopyTo(bytes[copied..]);
            copied += count;
        }

        return Encoding.Latin1.GetString(bytes);
    }

    /// <summary>The text of the object starting at <paramref name="offset"/>, up to its "endobj" (null if none).</summary>
    public string? ReadObject(int offset)
    {
        for (var window = 1024; ; window *= 4)
        {
            var text = Read(offset, window);
            var end = text.IndexOf("endobj", StringComparison.Ordinal);
            if (end >= 0)
            {
                return text[..end];
            }

            if (offset + window >= Length)
            {
                return null;
            }
        }
    }
}
