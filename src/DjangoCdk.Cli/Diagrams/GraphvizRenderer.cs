namespace DjangoCdk.Cli;

/// <summary>Turns DOT text into an SVG or PNG file with Graphviz's <c>dot</c> program.</summary>
public static class GraphvizRenderer
{
    /// <summary>The image formats <see cref="Render"/> writes.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["svg", "png"];

    /// <summary>
    /// Writes <paramref name="dotText"/> to a temporary file and runs <c>dot -T&lt;format&gt; -o &lt;outputFile&gt; &lt;temporary file&gt;</c>.
    /// Throws <see cref="CliException"/> when the format is not svg or png, when Graphviz is not installed, or when dot fails.
    /// </summary>
    public static void Render(IProcessRunner processes, string dotText, string format, string outputFile)
    {
        if (!Formats.Contains(format)) throw UnknownFormat(format);
        if (processes.Find("dot") is null) throw NotInstalled();
        var input = Path.Combine(Path.GetTempPath(), $"django-cdk-diagram-{Guid.NewGuid():N}.dot");
        File.WriteAllText(input, dotText);
        try
        {
            var command = new ProcessCommand("dot", [$"-T{format}", "-o", outputFile, input]);
            var exitCode = processes.Run(command);
            if (exitCode != 0) throw Failed(exitCode, outputFile);
        }
        finally
        {
            try { File.Delete(input); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static CliException UnknownFormat(string format) =>
        new($"Graphviz output format '{format}' is not supported: use {string.Join(" or ", Formats)}.");

    private static CliException NotInstalled() =>
        new("Graphviz is not installed: the dot program is not on PATH, and SVG and PNG diagrams need it. Install it with " +
            "'sudo apt-get install graphviz' (Debian, Ubuntu), 'brew install graphviz' (macOS) or 'winget install graphviz' (Windows), " +
            "or choose the Mermaid or DOT output, which need nothing installed.");

    private static CliException Failed(int exitCode, string outputFile) =>
        new($"Graphviz (dot) failed with exit code {exitCode} while writing {outputFile}; its message is above.");
}
