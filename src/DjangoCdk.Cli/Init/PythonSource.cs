using System.Text.RegularExpressions;

namespace DjangoCdk.Cli;

/// <summary>
/// Just enough of Python's lexical rules for regex scanning: comments and triple-quoted strings blanked out (offsets
/// and line numbers kept), the arguments of a call split at top-level commas, string literals read.
/// </summary>
internal static partial class PythonSource
{
    /// <summary>The text with comments and triple-quoted strings (docstrings) replaced by spaces; newlines are kept.</summary>
    public static string Mask(string text)
    {
        var chars = text.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            var c = chars[i];
            if (c == '#')
            {
                while (i < chars.Length && chars[i] != '\n') chars[i++] = ' ';
                continue;
            }

            if (c is '"' or '\'')
            {
                var triple = i + 2 < chars.Length && chars[i + 1] == c && chars[i + 2] == c;
                if (triple)
                {
                    var start = i;
                    i += 3;
                    while (i < chars.Length && !(chars[i] == c && i + 2 < chars.Length && chars[i + 1] == c && chars[i + 2] == c))
                        i += chars[i] == '\\' ? 2 : 1;
                    i = Math.Min(i + 3, chars.Length);
                    for (var k = start; k < i; k++)
                        if (chars[k] != '\n') chars[k] = ' ';
                    continue;
                }

                i++;
                while (i < chars.Length && chars[i] != c && chars[i] != '\n') i += chars[i] == '\\' ? 2 : 1;
                i++;
                continue;
            }

            i++;
        }

        return new string(chars);
    }

    /// <summary>The 1-based line of a character offset.</summary>
    public static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
            if (text[i] == '\n') line++;
        return line;
    }

    /// <summary>
    /// The arguments of the call whose opening parenthesis (or bracket) is at <paramref name="open"/>, trimmed, split at
    /// top-level commas; null when the call is not closed.
    /// </summary>
    public static List<string>? Arguments(string text, int open)
    {
        var args = new List<string>();
        var depth = 0;
        var start = open + 1;
        for (var i = open + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i++;
                while (i < text.Length && text[i] != c && text[i] != '\n') i += text[i] == '\\' ? 2 : 1;
                continue;
            }

            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth > 0:
                    depth--;
                    break;
                case ')' or ']' or '}':
                    Add(text[start..i]);
                    return args;
                case ',' when depth == 0:
                    Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }

        return null;

        void Add(string arg)
        {
            arg = arg.Trim();
            if (arg.Length > 0) args.Add(arg);
        }
    }

    /// <summary>The value of a plain string literal ('x', "x", r"x"); null for anything else (f-strings, names, calls).</summary>
    public static string? Literal(string expression)
    {
        var match = LiteralPattern().Match(expression.Trim());
        return match.Success ? match.Groups["value"].Value : null;
    }

    /// <summary>The positional arguments (those without <c>name=</c>).</summary>
    public static List<string> Positional(IEnumerable<string> args) => args.Where(a => !KeywordPattern().IsMatch(a)).ToList();

    /// <summary>The value of keyword argument <paramref name="name"/>, or null.</summary>
    public static string? Keyword(IEnumerable<string> args, string name)
    {
        foreach (var arg in args)
        {
            var match = KeywordPattern().Match(arg);
            if (match.Success && match.Groups["name"].Value == name) return arg[match.Length..].Trim();
        }

        return null;
    }

    [GeneratedRegex("""^[rRuU]?(?<q>["'])(?<value>[^"'\\]*)\k<q>$""")]
    private static partial Regex LiteralPattern();

    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*=(?!=)")]
    private static partial Regex KeywordPattern();
}
