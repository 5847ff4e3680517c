using System.Text.RegularExpressions;

namespace DjangoCdk.Cli;

/// <summary>What init reads from a Dockerfile.</summary>
/// <param name="Path">The Dockerfile, relative to the folder init was pointed at, with forward slashes.</param>
/// <param name="Stages">The named stages (<c>FROM ... AS name</c>), in order.</param>
/// <param name="Target">
/// The stage to build: the first named production, prod, release or runtime stage, else the last stage when it is
/// named; null when the Dockerfile has no named stages (or its last stage has no name), so Docker builds the last one.
/// </param>
/// <param name="ExposedPort">The first port EXPOSEd by the target stage or the stages it builds on; null when none.</param>
/// <param name="HasCommand">
/// Whether the target stage (or a stage it builds on) starts a server by itself: a CMD, or an ENTRYPOINT that is not a
/// wrapper script (a path such as /entrypoint, which runs the command it is given).
/// </param>
/// <param name="ExposeLine">The 1-based line of the EXPOSE, or 0.</param>
public sealed partial record DockerfileInfo(string Path, IReadOnlyList<string> Stages, string? Target, int? ExposedPort, bool HasCommand, int ExposeLine)
{
    /// <summary>
    /// Whether the file sits deeper in the project (compose/production/django/Dockerfile) and is built with the
    /// project root as its context, rather than with its own folder.
    /// </summary>
    public bool BuiltFromRoot { get; init; }

    private static readonly string[] PreferredTargets = ["production", "prod", "release", "runtime"];

    /// <summary>Reads a Dockerfile's text; <paramref name="path"/> is reported as is.</summary>
    public static DockerfileInfo Parse(string path, string text)
    {
        var stages = new List<(string? Name, string From, List<(string Instruction, string Args, int Line)> Lines)>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var lineNumber = i + 1;
            while (line.EndsWith('\\') && i + 1 < lines.Length) line = line[..^1] + " " + lines[++i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var match = Instruction().Match(line);
            if (!match.Success) continue;
            var instruction = match.Groups["instruction"].Value.ToUpperInvariant();
            var args = match.Groups["args"].Value.Trim();
            if (instruction == "FROM")
            {
                var from = FromPattern().Match(args);
                stages.Add((from.Groups["name"].Success ? from.Groups["name"].Value : null, from.Groups["image"].Value, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Lines.Add((instruction, args, lineNumber));
            }
        }

        var named = stages.Where(s => s.Name is not null).Select(s => s.Name!).ToList();
        var target = PreferredTargets.Select(p => named.FirstOrDefault(n => n.Equals(p, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(n => n is not null)
            ?? (stages.Count > 0 ? stages[^1].Name : null);

        // The target stage and the stages it builds on (FROM <earlier stage>).
        var chain = new List<int>();
        var index = target is null ? stages.Count - 1 : stages.FindIndex(s => s.Name == target);
        while (index >= 0 && !chain.Contains(index))
        {
            chain.Add(index);
            var from = stages[index].From;
            index = stages.FindIndex(s => s.Name is not null && s.Name.Equals(from, StringComparison.OrdinalIgnoreCase));
        }

        int? port = null;
        var exposeLine = 0;
        var hasCommand = false;
        foreach (var stage in chain.Select(c => stages[c]))
        {
            foreach (var (instruction, args, line) in stage.Lines)
            {
                // A CMD starts something; an ENTRYPOINT does only when it is the server itself, not a wrapper script
                // that runs its arguments (cookiecutter-django's /entrypoint, exec "$@").
                if (instruction == "CMD" || (instruction == "ENTRYPOINT" && !IsWrapper(args))) hasCommand = true;
                if (instruction == "EXPOSE" && port is null)
                {
                    var number = Port().Match(args);
                    if (number.Success) { port = int.Parse(number.Value, System.Globalization.CultureInfo.InvariantCulture); exposeLine = line; }
                }
            }
        }

        return new DockerfileInfo(path, named, named.Count > 0 ? target : null, port, hasCommand, exposeLine);
    }

    private static bool IsWrapper(string entrypoint)
    {
        var first = entrypoint.TrimStart('[', ' ', '"').Split('"', ' ', ',')[0];
        return first.StartsWith('/') || first.StartsWith("./", StringComparison.Ordinal) || first.EndsWith(".sh", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<instruction>[A-Za-z]+)\s+(?<args>.*)$")]
    private static partial Regex Instruction();

    [GeneratedRegex(@"^(?:--\S+\s+)*(?<image>\S+)(?:\s+[Aa][Ss]\s+(?<name>\S+))?")]
    private static partial Regex FromPattern();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Port();
}
