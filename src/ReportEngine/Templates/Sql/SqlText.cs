namespace ReportEngine.Templates.Sql;

/// <summary>
/// Just enough SQL lexing for the shared-query layer: the identifiers a query names outside
/// comments, string literals and @parameters, and where its first word starts.
/// </summary>
internal static class SqlText
{
    /// <summary>Unquoted identifiers (lower-cased, SQL folds them) and quoted ones as written; not column names after a dot.</summary>
    public static IEnumerable<string> Identifiers(string sql)
    {
        var i = 0;
        var previous = '\0';
        while (i < sql.Length)
        {
            var c = sql[i];
            if (SkipCommentOrString(sql, ref i))
            {
                previous = ' ';
                continue;
            }

            if (c == '"')
            {
                var end = sql.IndexOf('"', i + 1);
                end = end < 0 ? sql.Length : end;
                if (previous != '.')
                {
                    yield return sql[(i + 1)..end];
                }

                i = end + 1;
                previous = '"';
                continue;
            }

            if (IsStart(c))
            {
                var start = i;
                while (i < sql.Length && IsPart(sql[i]))
                {
                    i++;
                }

                // @name and :name are bound parameters, .name a column of something else.
                if (previous is not ('.' or '@' or ':' or '$'))
                {
                    yield return sql[start..i].ToLowerInvariant();
                }

                previous = 'a';
                continue;
            }

            if (!char.IsWhiteSpace(c))
            {
                previous = c;
            }

            i++;
        }
    }

    /// <summary>The text with comments and string literals blanked out (same length), for pattern matching.</summary>
    public static string Code(string sql)
    {
        var code = sql.ToCharArray();
        var i = 0;
        while (i < sql.Length)
        {
            var start = i;
            if (SkipCommentOrString(sql, ref i))
            {
                Array.Fill(code, ' ', start, Math.Min(i, sql.Length) - start);
            }
            else
            {
                i++;
            }
        }

        return new string(code);
    }

    /// <summary>Index of the first character that is not whitespace or a comment (the length when there is none).</summary>
    public static int FirstWord(string sql)
    {
        var i = 0;
        while (i < sql.Length)
        {
            if (char.IsWhiteSpace(sql[i]))
            {
                i++;
            }
            else if (!(IsComment(sql, i) && SkipCommentOrString(sql, ref i)))
            {
                return i;
            }
        }

        return i;
    }

    /// <summary>The word starting at index (letters, digits, underscore), or empty.</summary>
    public static string WordAt(string sql, int index)
    {
        var end = index;
        while (end < sql.Length && IsPart(sql[end]))
        {
            end++;
        }

        return sql[index..end];
    }

    private static bool IsComment(string sql, int i) =>
        (sql[i] == '-' && i + 1 < sql.Length && sql[i + 1] == '-') || (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*');

    /// <summary>Moves past a comment or a string literal starting at i; false when none starts there.</summary>
    private static bool SkipCommentOrString(string sql, ref int i)
    {
        if (sql[i] == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
        {
            var end = sql.IndexOf('\n', i);
            i = end < 0 ? sql.Length : end + 1;
            return true;
        }

        if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
        {
            var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
            i = end < 0 ? sql.Length : end + 2;
            return true;
        }

        if (sql[i] == '\'')
        {
            i++;
            while (i < sql.Length)
            {
                if (sql[i] == '\'' && (i + 1 >= sql.Length || sql[i + 1] != '\''))
                {
                    break;
                }

                i += sql[i] == '\'' ? 2 : 1;
            }

            i++;
            return true;
        }

        return false;
    }

    private static bool IsStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
