using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DjangoCdk.Cli;

/// <summary>
/// How a project's production Docker Compose file starts its web server, for an image whose Dockerfile has no CMD
/// (cookiecutter-django: an ENTRYPOINT wrapper, and <c>command: /start</c> in docker-compose.production.yml).
/// </summary>
/// <param name="File">The compose file, relative to the scanned folder.</param>
/// <param name="Service">The service that builds the Django image.</param>
/// <param name="Command">Its command, as arguments.</param>
/// <param name="Port">The port its start script binds (gunicorn --bind / -b), or null when not found.</param>
public sealed partial record ComposeWebService(string File, string Service, IReadOnlyList<string> Command, int? Port)
{
    /// <summary>Compose files that describe production, most specific first; plain compose files only as a last resort.</summary>
    public static readonly IReadOnlyList<string> FileNames =
    [
        "docker-compose.production.yml", "docker-compose.production.yaml", "docker-compose.prod.yml", "docker-compose.prod.yaml",
        "compose.production.yaml", "compose.production.yml", "compose.prod.yaml", "production.yml",
        "docker-compose.yml", "docker-compose.yaml", "compose.yaml", "compose.yml",
    ];

    /// <summary>
    /// The web service of the first compose file in <paramref name="directory"/> that builds <paramref name="dockerfile"/>
    /// (relative to <paramref name="directory"/>) with a command that is not Celery's; null when there is none.
    /// </summary>
    public static ComposeWebService? Find(string directory, string dockerfile)
    {
        foreach (var name in FileNames)
        {
            var file = Path.Combine(directory, name);
            if (!System.IO.File.Exists(file)) continue;
            YamlMappingNode? services;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(System.IO.File.ReadAllText(file)));
                services = (stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode)?.Children
                    .FirstOrDefault(kv => (kv.Key as YamlScalarNode)?.Value == "services").Value as YamlMappingNode;
            }
            catch (YamlDotNet.Core.YamlException)
            {
                continue;
            }

            if (services is null) continue;
            foreach (var (key, value) in services.Children)
            {
                if (value is not YamlMappingNode service || !Builds(service, dockerfile)) continue;
                var command = CommandOf(service);
                if (command is null || command.Count == 0 || command[0].Contains("celery", StringComparison.Ordinal)) continue;
                return new ComposeWebService(name, ((YamlScalarNode)key).Value ?? "", command, BoundPort(directory, dockerfile, command));
            }
        }

        return null;
    }

    private static bool Builds(YamlMappingNode service, string dockerfile)
    {
        var build = Child(service, "build");
        var file = build is YamlMappingNode mapping ? (Child(mapping, "dockerfile") as YamlScalarNode)?.Value : null;
        return file is not null && Normalize(file) == Normalize(dockerfile);
    }

    private static List<string>? CommandOf(YamlMappingNode service) => Child(service, "command") switch
    {
        YamlScalarNode { Value: { } line } => CommandLine.Split(line)?.ToList(),
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        _ => null,
    };

    // The start script is usually copied from beside the Dockerfile (/start from compose/production/django/start).
    private static int? BoundPort(string directory, string dockerfile, IReadOnlyList<string> command)
    {
        var inline = Bind().Match(string.Join(' ', command));
        if (inline.Success) return int.Parse(inline.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var script = Path.Combine(directory, Path.GetDirectoryName(dockerfile) ?? "", Path.GetFileName(command[0]));
        if (!System.IO.File.Exists(script)) return null;
        var match = Bind().Match(System.IO.File.ReadAllText(script));
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(kv => (kv.Key as YamlScalarNode)?.Value == key).Value;

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('.', '/');

    [GeneratedRegex(@"(?:--bind[= ]|-b )\s*[0-9.]*:([0-9]{2,5})")]
    private static partial Regex Bind();
}
