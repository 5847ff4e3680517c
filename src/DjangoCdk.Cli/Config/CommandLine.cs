using System.Text;

namespace DjangoCdk.Cli;

/// <summary>Splits a command line the way a POSIX shell splits words: spaces separate, quotes group, backslash escapes.</summary>
public static class CommandLine
{
    /// <summary>The words of <paramref name="line"/>, or null when a quote is not closed.</summary>
    public static string[]? Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else if (c == '\\' && quote == '"' && i + 1 < line.Length && line[i + 1] is '"' or '\\') word.Append(line[++i]);
                else word.Append(c);
            }
            else if (c is '\'' or '"') { quote = c; inWord = true; }
            else if (c == '\\' && i + 1 < line.Length) { word.Append(line[++i]); inWord = true; }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else { word.Append(c); inWord = true; }
        }

        if (quote is not null) return null;
        if (inWord) words.Add(word.ToString());
        return words.ToArray();
    }
}
