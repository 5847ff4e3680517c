using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DjangoCdk.Cli;

/// <summary>
/// How commands write: plain lines, headings, tables, warnings and errors on the console (colour only on a terminal
/// that takes it), and JSON documents for <c>--json</c>. Text from outside (config values, construct messages) is
/// never read as Spectre markup.
/// </summary>
public sealed class CliOutput(IAnsiConsole console, bool noColor, bool interactive = false)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The console, for progress displays and prompts.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>Whether colour and decoration are off.</summary>
    public bool NoColor { get; } = noColor;

    /// <summary>
    /// Runs a long step (a synthesis takes seconds): a spinner with <paramref name="message"/> on an interactive
    /// terminal, else the message as a line first, unless <paramref name="quiet"/> (the output is a document: JSON, a
    /// diagram). The work runs on this thread (the CDK runtime is single-threaded).
    /// </summary>
    public T Progress<T>(string message, Func<T> work, bool quiet = false)
    {
        if (!interactive || NoColor || !Console.Profile.Capabilities.Ansi)
        {
            if (!quiet) Plain(message + " ...");
            return work();
        }

        return Console.Status().Spinner(Spinner.Known.Dots).Start(message, _ => work());
    }

    /// <summary>A line of text, as is (never wrapped: commands printed for copying must stay on one line).</summary>
    public void Plain(string text) => Console.Profile.Out.Writer.WriteLine(text);

    /// <summary>An empty line.</summary>
    public void Blank() => Console.WriteLine();

    /// <summary>A section heading.</summary>
    public void Heading(string text) => Styled(text, new Style(decoration: Decoration.Bold));

    /// <summary>A line that reports success.</summary>
    public void Success(string text) => Styled(text, new Style(Color.Green));

    /// <summary>A warning, prefixed "warning: ".</summary>
    public void Warning(string text) => Styled("warning: " + text, new Style(Color.Yellow));

    /// <summary>An error, prefixed "error: ".</summary>
    public void Error(string text) => Styled("error: " + text, new Style(Color.Red));

    /// <summary>A table with a header row; every cell is plain text.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, ISet<int>? rightAligned = null)
    {
        var table = new Table { Border = NoColor ? TableBorder.Ascii : TableBorder.Rounded };
        for (var i = 0; i < headers.Count; i++)
        {
            var column = new TableColumn(new Text(headers[i]));
            if (rightAligned?.Contains(i) == true) column.RightAligned();
            table.AddColumn(column);
        }

        foreach (var row in rows) table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        Console.Write(table);
    }

    /// <summary>A JSON document (for <c>--json</c>), indented, on its own.</summary>
    public void Json(JsonNode document) => Console.Profile.Out.Writer.WriteLine(document.ToJsonString(Indented));

    // Colour on a terminal that takes it; otherwise the plain line, unwrapped.
    private void Styled(string text, Style style)
    {
        if (NoColor || !Console.Profile.Capabilities.Ansi) Plain(text);
        else Console.Write(new Text(text + "\n", style));
    }
}
