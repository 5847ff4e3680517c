using System.Text;

namespace DjangoCdk.Cli;

/// <summary>
/// Command lines as a shell reads them: <see cref="Split"/> splits one the way a POSIX shell splits words (spaces
/// separate, quotes group, backslash escapes), <see cref="Quote"/> writes one word so the shell reads it back whole.
/// </summary>
public static class CommandLine
{
    /// <summary>
    /// One word for the shell that runs it: POSIX sh (single quotes when it holds anything but letters, digits and
    /// <c>-_./:=@,+%</c>), or cmd.exe on Windows (double quotes around spaces and quotes).
    /// </summary>
    public static string Quote(string word) =>
        OperatingSystem.IsWindows()
            ? (word.Any(c => char.IsWhiteSpace(c) || c == '"') ? "\"" + word.Replace("\"", "\\\"") + "\"" : word)
            : word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./:=@,+%".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";

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
