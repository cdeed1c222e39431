namespace ReportEngine.Layout.Fonts;

/// <summary>The characters each face draws in one document: the input of font subsetting.</summary>
internal sealed class FontUsage
{
    private readonly Dictionary<FontFace, HashSet<int>> used = [];
    private FontFace? lastFace;
    private HashSet<int>? lastSet;
    private bool[]? lastSeen;
    private readonly Dictionary<FontFace, bool[]> seen = [];

    public void Add(FontFace face, int codepoint)
    {
        if (face != lastFace)
        {
            if (!used.TryGetValue(face, out var set))
            {
                set = [];
                used[face] = set;
                seen[face] = new bool[0x3000];
            }

            lastFace = face;
            lastSet = set;
            lastSeen = seen[face];
        }

        // A flag array answers the common (Latin, Vietnamese) characters without hashing.
        if (codepoint < lastSeen!.Length)
        {
            if (lastSeen[codepoint])
            {
                return;
            }

            lastSeen[codepoint] = true;
        }

        lastSet!.Add(codepoint);
    }

    public void AddRange(FontFace face, string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            Add(face, rune.Value);
        }
    }

    public IReadOnlyDictionary<FontFace, HashSet<int>> Faces => used;
}
