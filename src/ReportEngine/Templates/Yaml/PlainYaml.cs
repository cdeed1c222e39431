using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace ReportEngine.Templates.Yaml;

/// <summary>
/// Reads the YAML files people write (template definitions, strings, schedules) as plain data.
/// Anchors and aliases are refused as the parser meets them, before anything is deserialised:
/// YamlDotNet resolves an alias to the same object, so a self-referencing one (<c>a: &amp;x [*x]</c>)
/// builds a cycle that overflows the stack of whatever walks it (the process dies, exit 134), and
/// aliases of aliases multiply memory. Nesting deeper than <see cref="MaxDepth"/> is refused too,
/// because the deserialiser recurses once per level.
/// </summary>
public static class PlainYaml
{
    /// <summary>Far deeper than any template needs (the deepest, a repeat inside a repeat, is about 10).</summary>
    public const int MaxDepth = 64;

    public static T Deserialize<T>(IDeserializer deserializer, string file)
    {
        ArgumentNullException.ThrowIfNull(deserializer);
        using var reader = new StreamReader(file, Encoding.UTF8);
        return Deserialize<T>(deserializer, file, reader);
    }

    public static T Deserialize<T>(IDeserializer deserializer, string file, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(deserializer);
        try
        {
            return deserializer.Deserialize<T>(new GuardedParser(reader));
        }
        catch (YamlException e)
        {
            throw Locate(file, e);
        }
    }

    /// <summary>The file's first document as a node tree (for finding where a value sits), or null when it is not valid YAML.</summary>
    public static YamlNode? LoadRoot(string file)
    {
        try
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            var stream = new YamlStream();
            stream.Load(new GuardedParser(reader));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException)
        {
            return null; // the loader reports the problem itself
        }
    }

    /// <summary>
    /// Where the problem is and what it is. YamlDotNet wraps the useful message (e.g. "Property 'colour' not
    /// found", or a refusal of ours) in outer exceptions located at the enclosing key.
    /// </summary>
    private static TemplateException Locate(string file, YamlException error)
    {
        Exception? refused = error;
        while (refused is not null and not RefusedYamlException)
        {
            refused = refused.InnerException;
        }

        if (refused is RefusedYamlException own)
        {
            return new TemplateException(file, (int)own.Start.Line, (int)own.Start.Column, own.Problem);
        }

        var problem = error.InnerException?.Message ?? error.Message;
        return new TemplateException(file, (int)error.Start.Line, (int)error.Start.Column, OneLine(problem));
    }

    /// <summary>An error is printed as one line; YamlDotNet's messages sometimes span several.</summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Passes the parser's events through, refusing anchors, aliases and deep nesting where they start.</summary>
    private sealed class GuardedParser(TextReader reader) : IParser
    {
        private readonly Parser _parser = new(reader);
        private int _depth;

        public ParsingEvent? Current => _parser.Current;

        public bool MoveNext()
        {
            bool more;
            try
            {
                more = _parser.MoveNext();
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet's parser fails this way, not with a YamlException, on some broken files (found by fuzzing).
                var at = _parser.Current?.End ?? Mark.Empty;
                throw new RefusedYamlException(at, at, $"the YAML cannot be read after this point ({e.Message})");
            }

            if (!more)
            {
                return false;
            }

            switch (_parser.Current)
            {
                case AnchorAlias alias:
                    throw new RefusedYamlException(alias.Start, alias.End,
                        $"the alias *{alias.Value} is not allowed: YAML anchors (&name) and aliases (*name) are refused; write the value out in full.");
                case NodeEvent { Anchor.IsEmpty: false } node:
                    throw new RefusedYamlException(node.Start, node.End,
                        $"the anchor &{node.Anchor} is not allowed: YAML anchors (&name) and aliases (*name) are refused; write the value out in full.");
                case MappingStart or SequenceStart:
                    if (++_depth > MaxDepth)
                    {
                        throw new RefusedYamlException(_parser.Current.Start, _parser.Current.End,
                            $"the YAML is nested more than {MaxDepth} levels deep.");
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }

            return true;
        }
    }

    /// <summary>YamlException's own message starts with the marks; the problem is kept apart for ours.</summary>
    private sealed class RefusedYamlException(Mark start, Mark end, string problem) : YamlException(start, end, problem)
    {
        public string Problem { get; } = problem;
    }
}
